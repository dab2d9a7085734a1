package io.shelfwise.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every {@code shelfwise.*} property a store can set, read once at start-up and checked: a value that breaks its
 * setting's rule stops the start with one message naming each such property, its value and what it must be.
 * {@link #ALL} is the one list of the properties, their defaults and what they do; the README's table is written
 * from it. Immutable.
 * <p>
 * The Spring files take each value from the bean {@code shelfwiseSettings} by key, e.g.
 * {@code value="#{shelfwiseSettings.get('shelfwise.capture.batch.size')}"}; the text returned is converted to the
 * parameter's type as a {@code ${...}} placeholder would be.
 */
public final class ShelfwiseSettings {

    /** The properties, in the order the README lists them. */
    public static final List<Setting> ALL = Collections.unmodifiableList(Arrays.asList(
            Setting.whole("shelfwise.capture.queue.capacity", 20_000, 1, 10_000_000,
                    "events accepted and not yet stored (held in memory; the most a crash can lose); beyond it new "
                            + "events are dropped and counted"),
            Setting.whole("shelfwise.capture.batch.size", 500, 1, 100_000, "events written per database batch"),
            Setting.whole("shelfwise.capture.flush.millis", 200, 1, 600_000,
                    "longest time an event waits before its batch is written"),
            Setting.text("shelfwise.models.dir", "shelfwise-models", "the folder model artifacts (ONNX) are stored in"),
            Setting.whole("shelfwise.serving.history.limit", 100, 1, 100_000,
                    "stored history items read per shopper for personal recommendations"),
            Setting.whole("shelfwise.serving.history.ttl.seconds", 600, 0, 86_400,
                    "how long a shopper's stored history is kept in memory (this visit's events count at once "
                            + "regardless)"),
            Setting.whole("shelfwise.serving.history.wait.millis", 100, 1, 60_000,
                    "how long a page waits for a shopper's stored history (read on threads of its own) before it is "
                            + "served from this visit alone, uncached"),
            Setting.whole("shelfwise.serving.session.idle.minutes", 30, 1, 1_440,
                    "a visit ends after this long without an event"),
            Setting.whole("shelfwise.serving.shoppers.max", 100_000, 1, 100_000_000,
                    "shoppers whose history and visit are kept in memory at once"),
            Setting.whole("shelfwise.serving.catalogue.ttl.seconds", 60, 0, 86_400,
                    "how long a product's name, price, categories and stock are reused before Broadleaf is asked "
                            + "again"),
            Setting.whole("shelfwise.serving.catalogue.max.items", 100_000, 1, 100_000_000,
                    "products kept in that cache"),
            Setting.whole("shelfwise.serving.cache.size", 100_000, 0, 100_000_000,
                    "recommendation lists kept in the result cache"),
            Setting.whole("shelfwise.serving.cache.ttl.seconds", 300, 0, 604_800,
                    "how long a recommendation list is reused (0: never cached); a shopper's new event or a model "
                            + "switch makes it stale at once"),
            Setting.placementTtls("shelfwise.serving.cache.ttl.placements",
                    "per-placement lifetimes of cached lists, in seconds, e.g. `home-trending=900, pdp-similar=3600`"),
            Setting.whole("shelfwise.serving.sync.seconds", 10, 1, 86_400,
                    "how often a node checks the registry for activations made on another node"),
            Setting.whole("shelfwise.experiments.sync.seconds", 10, 1, 86_400,
                    "how often a node checks for A/B experiments started, stopped or promoted on another node"),
            Setting.whole("shelfwise.tuning.sync.seconds", 10, 1, 86_400,
                    "how often a node checks for placement settings saved (or reset) in the admin on another node"),
            Setting.whole("shelfwise.upload.max.megabytes", 64, 1, 2_000,
                    "largest bring-your-own model file accepted; a larger one is refused before it is read in full"),
            Setting.decimal("shelfwise.upload.min.known.fraction", 0.8, 0, 1,
                    "share of an uploaded model's item ids that must be products of the catalogue"),
            Setting.whole("shelfwise.health.rate.window.minutes", 15, 1, 1_440,
                    "how far back the health page measures event rates (counters are sampled every minute)"),
            Setting.whole("shelfwise.health.report.seconds", 60, 1, 3_600,
                    "how often a storefront node writes its health report"),
            Setting.whole("shelfwise.health.retention.hours", 24, 1, 8_760, "how long the nodes' health reports are kept"),
            Setting.whole("shelfwise.training.window.days", 365, 1, 36_500, "how far back training reads the event store"),
            Setting.whole("shelfwise.training.interval.hours", 24, 0, 8_760,
                    "retrain every strategy this often (0: only on demand); on the node that trains"),
            Setting.flag("shelfwise.training.bootstrap", true,
                    "train and activate strategies that have no active model once the event store has settled "
                            + "history; on the node that trains"),
            Setting.whole("shelfwise.price.window.days", 730, 1, 36_500,
                    "how far back the price model reads sales when an admin asks for suggestions"),
            Setting.text("shelfwise.storefront.cart.add.url", "/cart/add", "where the store's add-to-basket form posts"),
            Setting.text("shelfwise.storefront.cart.url", "/cart", "the basket page (after \"add all to basket\")"),
            Setting.flag("shelfwise.storefront.widgets.enabled", true, "false renders every widget element as nothing"),
            Setting.flag("shelfwise.admin.simulator.enabled", false,
                    "offers simulated shopper traffic for running A/B tests in the admin: for demo stores only")));

    private final Map<String, String> values;

    private ShelfwiseSettings(Map<String, String> values) {
        this.values = values;
    }

    /** The defaults of every setting. */
    public static ShelfwiseSettings defaults() {
        return from(key -> null);
    }

    /**
     * Reads every setting through {@code lookup} (key to value; {@code null} or blank: not set, the default holds).
     *
     * @throws InvalidSettingsException naming every value that breaks its setting's rule
     */
    public static ShelfwiseSettings from(Function<String, String> lookup) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Setting setting : ALL) {
            String raw = lookup.apply(setting.key());
            if (raw == null || raw.trim().isEmpty()) {
                values.put(setting.key(), setting.defaultValue());
                continue;
            }
            String value = setting.normalise(raw);
            if (value == null) {
                problems.add(setting.key() + "=" + raw.trim() + ": " + setting.problem(raw) + "; it must be "
                        + setting.rule() + " (default " + (setting.defaultValue().isEmpty() ? "none"
                        : setting.defaultValue()) + ")");
            } else {
                values.put(setting.key(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new ShelfwiseSettings(Collections.unmodifiableMap(values));
    }

    /**
     * The value of setting {@code key}, as set or its default.
     *
     * @throws IllegalArgumentException if there is no such setting
     */
    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("There is no Shelfwise setting '" + key + "'; the settings are "
                    + values.keySet());
        }
        return value;
    }

    /** Every setting's value, by key. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The README's table of the settings, in Markdown. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| property | default | what it does | accepted |\n")
                .append("|---|---|---|---|\n");
        for (Setting s : ALL) {
            String shown = s.defaultValue().isEmpty() ? "(none)"
                    : s.defaultValue().matches("[0-9.]+|true|false") ? s.defaultValue() : "`" + s.defaultValue() + "`";
            table.append("| `").append(s.key()).append("` | ").append(shown).append(" | ").append(s.description())
                    .append(" | ").append(s.rule()).append(" |\n");
        }
        return table.toString();
    }
}

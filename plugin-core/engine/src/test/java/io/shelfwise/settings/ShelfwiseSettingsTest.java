package io.shelfwise.settings;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShelfwiseSettingsTest {

    @Test
    void unsetOrBlankValuesTakeTheDefaults() {
        Map<String, String> store = new HashMap<>();
        store.put("shelfwise.capture.batch.size", "  ");

        ShelfwiseSettings settings = ShelfwiseSettings.from(store::get);

        assertThat(settings.get("shelfwise.capture.batch.size")).isEqualTo("500");
        assertThat(settings.get("shelfwise.models.dir")).isEqualTo("shelfwise-models");
        assertThat(settings.get("shelfwise.serving.cache.ttl.placements")).isEmpty();
        assertThat(settings.asMap()).hasSameSizeAs(ShelfwiseSettings.ALL);
    }

    @Test
    void valuesSetAreTrimmedAndFlagsReadInEitherCase() {
        Map<String, String> store = new HashMap<>();
        store.put("shelfwise.capture.queue.capacity", " 4000 ");
        store.put("shelfwise.training.bootstrap", "FALSE");
        store.put("shelfwise.upload.min.known.fraction", "0.5");
        store.put("shelfwise.serving.cache.ttl.placements", "home-trending=900, pdp-similar = 3600");

        ShelfwiseSettings settings = ShelfwiseSettings.from(store::get);

        assertThat(settings.get("shelfwise.capture.queue.capacity")).isEqualTo("4000");
        assertThat(settings.get("shelfwise.training.bootstrap")).isEqualTo("false");
        assertThat(settings.get("shelfwise.upload.min.known.fraction")).isEqualTo("0.5");
        assertThat(settings.get("shelfwise.serving.cache.ttl.placements"))
                .isEqualTo("home-trending=900, pdp-similar = 3600");
    }

    @Test
    void everyValueThatBreaksItsRuleIsNamedAtOnceWithWhatItMustBe() {
        Map<String, String> store = new HashMap<>();
        store.put("shelfwise.capture.batch.size", "five hundred");
        store.put("shelfwise.capture.queue.capacity", "0");
        store.put("shelfwise.upload.min.known.fraction", "1.5");
        store.put("shelfwise.training.bootstrap", "yes");
        store.put("shelfwise.serving.cache.ttl.placements", "home-trending:900");

        assertThatThrownBy(() -> ShelfwiseSettings.from(store::get))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("Shelfwise cannot start: 5 settings need fixing in the store's runtime "
                        + "properties:")
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsExactly(
                        "shelfwise.capture.queue.capacity=0: it is out of range; it must be a whole number from 1 "
                                + "to 10000000 (default 20000)",
                        "shelfwise.capture.batch.size=five hundred: it is not a whole number; it must be a whole "
                                + "number from 1 to 100000 (default 500)",
                        "shelfwise.serving.cache.ttl.placements=home-trending:900: it is not of that form; it must "
                                + "be placement=seconds pairs separated by commas, e.g. home-trending=900, "
                                + "pdp-similar=3600 (default none)",
                        "shelfwise.upload.min.known.fraction=1.5: it is out of range; it must be a number from 0 "
                                + "to 1 (default 0.8)",
                        "shelfwise.training.bootstrap=yes: it is neither true nor false; it must be true or false "
                                + "(default true)"));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> ShelfwiseSettings.defaults().get("shelfwise.capture.batch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Shelfwise setting 'shelfwise.capture.batch'")
                .hasMessageContaining("shelfwise.capture.batch.size");
    }

    @Test
    void everySettingHasAUniqueShelfwiseKeyAndADescription() {
        Set<String> keys = new HashSet<>();
        for (Setting s : ShelfwiseSettings.ALL) {
            assertThat(s.key()).startsWith("shelfwise.");
            assertThat(keys.add(s.key())).as("unique: " + s.key()).isTrue();
            assertThat(s.description()).isNotBlank().doesNotContain("|");
        }
    }

    @Test
    void theTableHasOneRowPerSettingWithItsRule() {
        String table = ShelfwiseSettings.markdownTable();

        assertThat(table.split("\n")).hasSize(ShelfwiseSettings.ALL.size() + 2);
        assertThat(table).contains("| `shelfwise.models.dir` | `shelfwise-models` | the folder model artifacts (ONNX) "
                + "are stored in | a text that is not blank |");
    }
}

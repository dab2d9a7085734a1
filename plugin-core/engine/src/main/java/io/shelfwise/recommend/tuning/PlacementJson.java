package io.shelfwise.recommend.tuning;

import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.StrategyInput;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Placement}'s settings as JSON: how they are stored (migration V6) and how an admin page may send them.
 * <pre>
 * {"name":"home-for-you",
 *  "chain":[{"blend":[{"strategy":"default","input":"shopper_history","weight":0.7},
 *                     {"strategy":"trending","input":"none","weight":0.3}]},
 *           {"strategy":"pop","input":"none"}],
 *  "defaultCount":8, "maxCount":50, "excludeViewed":false, "excludePurchased":true, "repurchasable":["coffee"],
 *  "excludeCart":true, "excludeCurrent":true, "excludeUnavailable":true, "category":null,
 *  "minPrice":null, "maxPrice":"60.00", "maxPerCategory":3, "cacheTtlSeconds":300}
 * </pre>
 * Fields left out keep {@link Placement.Builder}'s defaults. Stateless and thread-safe.
 */
public final class PlacementJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlacementJson() {
    }

    /** The settings as one line of JSON. */
    public static String write(Placement p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", p.name());
        ArrayNode chain = root.putArray("chain");
        for (Placement.Step step : p.chain()) {
            if (step.isBlend()) {
                ArrayNode blend = chain.addObject().putArray("blend");
                for (Placement.BlendPart part : step.parts()) {
                    blend.addObject().put("strategy", part.strategy()).put("input", input(part.input()))
                            .put("weight", part.weight());
                }
            } else {
                chain.addObject().put("strategy", step.strategy()).put("input", input(step.input()));
            }
        }
        root.put("defaultCount", p.defaultCount());
        root.put("maxCount", p.maxCount());
        root.put("excludeViewed", p.excludeViewed());
        root.put("excludePurchased", p.excludePurchased());
        ArrayNode repurchasable = root.putArray("repurchasable");
        for (String category : new java.util.TreeSet<>(p.repurchasableCategories())) {
            repurchasable.add(category);
        }
        root.put("excludeCart", p.excludeCart());
        root.put("excludeCurrent", p.excludeCurrent());
        root.put("excludeUnavailable", p.excludeUnavailable());
        root.put("category", p.category());
        root.put("minPrice", p.minPrice() == null ? null : p.minPrice().toPlainString());
        root.put("maxPrice", p.maxPrice() == null ? null : p.maxPrice().toPlainString());
        root.put("maxPerCategory", p.maxPerCategory());
        root.put("cacheTtlSeconds", p.cacheTtl().getSeconds());
        return root.toString();
    }

    private static String input(StrategyInput input) {
        return input.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads settings written by {@link #write} (or by an admin page).
     *
     * @throws IllegalArgumentException saying which field is wrong and what it should be
     */
    public static Placement read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Placement settings are not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Placement settings are not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Placement settings must be a JSON object");
        }
        Placement.Builder b = Placement.builder(text(root, "name"));
        JsonNode chain = root.get("chain");
        if (chain == null || !chain.isArray() || chain.size() == 0) {
            throw new IllegalArgumentException("Placement settings need a non-empty \"chain\" of strategies");
        }
        for (JsonNode step : chain) {
            if (step.has("blend")) {
                List<Placement.BlendPart> parts = new ArrayList<>();
                for (Iterator<JsonNode> it = step.get("blend").values().iterator(); it.hasNext(); ) {
                    JsonNode part = it.next();
                    JsonNode weight = part.get("weight");
                    if (weight == null || !weight.isNumber()) {
                        throw new IllegalArgumentException("Each blended strategy needs a numeric \"weight\"; "
                                + text(part, "strategy") + " has " + (weight == null ? "none" : weight.toString()));
                    }
                    parts.add(new Placement.BlendPart(text(part, "strategy"), input(part), weight.asDouble(0)));
                }
                b.thenBlend(parts);
            } else {
                b.then(text(step, "strategy"), input(step));
            }
        }
        b.counts(integer(root, "defaultCount", 8), integer(root, "maxCount", 50));
        b.excludeViewed(bool(root, "excludeViewed", false));
        b.excludePurchased(bool(root, "excludePurchased", true));
        JsonNode repurchasable = root.get("repurchasable");
        if (repurchasable != null && repurchasable.isArray()) {
            for (JsonNode category : repurchasable) {
                b.repurchasable(category.asString(""));
            }
        }
        b.excludeCart(bool(root, "excludeCart", true));
        b.excludeCurrent(bool(root, "excludeCurrent", true));
        b.excludeUnavailable(bool(root, "excludeUnavailable", true));
        b.category(optionalText(root, "category"));
        b.priceRange(price(root, "minPrice"), price(root, "maxPrice"));
        b.maxPerCategory(integer(root, "maxPerCategory", 0));
        b.cacheTtl(Duration.ofSeconds(integer(root, "cacheTtlSeconds", 300)));
        return b.build();
    }

    private static StrategyInput input(JsonNode node) {
        String value = text(node, "input");
        try {
            return StrategyInput.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown input '" + value + "' for strategy " + text(node, "strategy")
                    + "; use shopper_history, session, context_items or none");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString("").trim().isEmpty()) {
            throw new IllegalArgumentException("Placement settings: \"" + field + "\" must be a non-empty string");
        }
        return value.asString("").trim();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asString("").trim().isEmpty() ? null : value.asString("").trim();
    }

    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("Placement settings: \"" + field + "\" must be a whole number, was "
                    + value);
        }
        return value.asInt(0);
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("Placement settings: \"" + field + "\" must be true or false, was "
                    + value);
        }
        return value.asBoolean();
    }

    private static BigDecimal price(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(value);
            if (price.signum() < 0) {
                throw new IllegalArgumentException("Placement settings: \"" + field + "\" cannot be negative, was "
                        + value);
            }
            return price;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Placement settings: \"" + field + "\" must be a price such as 19.99, "
                    + "was '" + value + "'");
        }
    }
}

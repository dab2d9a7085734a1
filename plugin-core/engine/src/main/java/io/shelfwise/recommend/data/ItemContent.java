package io.shelfwise.recommend.data;

import io.shelfwise.text.Words;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is known of each item's content, as tokens: attribute values ({@code "attr:brand-12"}) and the words of
 * its name and description. Content-based recommendation compares items by these, so it also covers products no
 * shopper has touched yet. Immutable.
 */
public final class ItemContent {

    private final Map<String, List<String>> tokens;

    private ItemContent(Map<String, List<String>> tokens) {
        this.tokens = Collections.unmodifiableMap(tokens);
    }

    /** Item id to tokens, in catalogue order. */
    public Map<String, List<String>> tokens() {
        return tokens;
    }

    public int size() {
        return tokens.size();
    }

    /** Builds content item by item. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an attributes file {@code {"item_id": [attribute_id, ...], ...}} (Amazon Beauty's
     * {@code item_attributes.json}). Entries that are not lists are skipped.
     *
     * @throws IOException if the file cannot be read or is not a JSON object
     */
    public static ItemContent readAttributes(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a JSON object of item ids to attribute lists: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + " is not a JSON object of item ids to attribute lists");
        }
        Builder builder = builder();
        Iterator<Map.Entry<String, JsonNode>> fields = root.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray()) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            for (JsonNode value : field.getValue()) {
                attributes.add(value.asString());
            }
            builder.attributes(field.getKey(), attributes);
        }
        return builder.build();
    }

    /** Collects tokens per item. */
    public static final class Builder {
        private final Map<String, List<String>> tokens = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds attribute values (category, brand ...) as whole tokens. */
        public Builder attributes(String itemId, List<String> values) {
            List<String> list = tokens.computeIfAbsent(itemId, k -> new ArrayList<>());
            for (String value : values) {
                if (value != null && !value.trim().isEmpty()) {
                    list.add("attr:" + value.trim().toLowerCase(Locale.ROOT));
                }
            }
            return this;
        }

        /** Adds the {@link Words} of a text (name, description) longer than one character. */
        public Builder text(String itemId, String text) {
            List<String> list = tokens.computeIfAbsent(itemId, k -> new ArrayList<>());
            if (text != null) {
                for (String word : Words.of(text)) {
                    if (word.length() > 1) {
                        list.add(word);
                    }
                }
            }
            return this;
        }

        public ItemContent build() {
            return new ItemContent(new LinkedHashMap<>(tokens));
        }
    }
}

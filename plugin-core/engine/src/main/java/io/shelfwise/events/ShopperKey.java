package io.shelfwise.events;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who did something, without personal data: a store customer id ({@code c:123}) or the random id of an anonymous
 * visitor's cookie ({@code v:3f0c...}). Immutable; equal keys have equal text.
 */
public final class ShopperKey {

    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9-]{8,48}");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,18}");

    private final String text;

    private ShopperKey(String text) {
        this.text = text;
    }

    /** A registered or known customer of the store, by the store's customer id. */
    public static ShopperKey customer(long customerId) {
        if (customerId < 0) {
            throw new IllegalArgumentException("A customer id is not negative, was " + customerId);
        }
        return new ShopperKey("c:" + customerId);
    }

    /**
     * An anonymous visitor, by the random id kept in their cookie.
     *
     * @throws IllegalArgumentException unless the id is 8 to 48 letters, digits or dashes
     */
    public static ShopperKey visitor(String visitorId) {
        if (visitorId == null || !VISITOR_ID.matcher(visitorId).matches()) {
            throw new IllegalArgumentException("A visitor id is 8 to 48 letters, digits or dashes, was '" + visitorId + "'");
        }
        return new ShopperKey("v:" + visitorId.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the text form ({@code c:123} or {@code v:...}).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ShopperKey parse(String text) {
        if (text != null && text.startsWith("c:") && CUSTOMER_ID.matcher(text.substring(2)).matches()) {
            return customer(Long.parseLong(text.substring(2)));
        }
        if (text != null && text.startsWith("v:")) {
            return visitor(text.substring(2));
        }
        throw new IllegalArgumentException("A shopper key is c:<customer id> or v:<visitor id>, was '" + text + "'");
    }

    public boolean isCustomer() {
        return text.startsWith("c:");
    }

    /** The text form, as stored. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShopperKey && ((ShopperKey) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}

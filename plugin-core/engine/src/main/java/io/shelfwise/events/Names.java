package io.shelfwise.events;

import io.shelfwise.internal.QuotedText;

import java.util.regex.Pattern;

/**
 * The one rule for the names Shelfwise records with every widget event and keeps in its tables: strategies
 * ({@code also-bought}, an uploaded {@code MyModel}), model versions ({@code strategy@number}), placements
 * ({@code pdp-also-bought}) and A/B arms ({@code B}). A name is letters and digits (either case) with single
 * {@code .}, {@code _} or {@code -} between them, so it can hold no path separator, is never {@code ..}, never starts
 * with a dot and needs no escaping in a URL, a file name or an HTML attribute. Lengths fit the event store's
 * columns: a strategy is at most {@value #MAX_STRATEGY} characters so that {@code strategy@999999999} fits the
 * {@value #MAX_VERSION} characters of an event's model version.
 * <p>
 * Every place that accepts such a name from outside (beacons, uploads, the admin's forms, settings JSON) checks it
 * here, so a name one accepts is never refused by another. Stateless and thread-safe.
 */
public final class Names {

    /** Longest strategy name. */
    public static final int MAX_STRATEGY = 54;
    /** Longest model version, {@code strategy@number}. */
    public static final int MAX_VERSION = 64;
    /** Longest placement name. */
    public static final int MAX_PLACEMENT = 64;
    /** Longest A/B arm name. */
    public static final int MAX_ARM = 32;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");
    private static final String RULE = "letters and digits with single '.', '_' or '-' between them";

    private Names() {
    }

    /** Whether {@code name} follows the rule with at most {@code max} characters (e.g. an artifact's file name). */
    public static boolean isPlain(String name, int max) {
        return name != null && !name.isEmpty() && name.length() <= max && PLAIN.matcher(name).matches();
    }

    public static boolean isStrategy(String name) {
        return isPlain(name, MAX_STRATEGY);
    }

    public static boolean isPlacement(String name) {
        return isPlain(name, MAX_PLACEMENT);
    }

    public static boolean isArm(String name) {
        return isPlain(name, MAX_ARM);
    }

    /** Whether {@code version} is {@code strategy@number} with a valid strategy and a number of 1 to 9 digits. */
    public static boolean isVersion(String version) {
        if (version == null || version.length() > MAX_VERSION) {
            return false;
        }
        int at = version.lastIndexOf('@');
        if (at < 0 || !isStrategy(version.substring(0, at))) {
            return false;
        }
        String number = version.substring(at + 1);
        if (number.isEmpty() || number.length() > 9) {
            return false;
        }
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the name, unchanged
     * @throws IllegalArgumentException saying what a strategy name may be, if it is not one
     */
    public static String strategy(String name) {
        if (!isStrategy(name)) {
            throw refused("A strategy", name, MAX_STRATEGY, "also-bought");
        }
        return name;
    }

    /** @throws IllegalArgumentException saying what a placement name may be, if it is not one */
    public static String placement(String name) {
        if (!isPlacement(name)) {
            throw refused("A placement", name, MAX_PLACEMENT, "home-for-you");
        }
        return name;
    }

    /** @throws IllegalArgumentException saying what an arm name may be, if it is not one */
    public static String arm(String name) {
        if (!isArm(name)) {
            throw refused("An A/B arm", name, MAX_ARM, "B");
        }
        return name;
    }

    /** @throws IllegalArgumentException saying what a model version looks like, if it is not one */
    public static String version(String version) {
        if (!isVersion(version)) {
            throw new IllegalArgumentException("A model version is strategy@number: a strategy name of 1 to "
                    + MAX_STRATEGY + " " + RULE + ", '@' and a number of 1 to 9 digits (e.g. also-bought@3), was "
                    + quote(version));
        }
        return version;
    }

    private static IllegalArgumentException refused(String kind, String name, int max, String example) {
        return new IllegalArgumentException(kind + " name is 1 to " + max + " " + RULE + " (e.g. " + example
                + "), was " + quote(name));
    }

    /** The value for a message: quoted, at most 80 characters, control characters shown as '?'. */
    private static String quote(String value) {
        return QuotedText.of(value, 80);
    }
}

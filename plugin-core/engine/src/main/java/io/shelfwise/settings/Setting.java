package io.shelfwise.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code shelfwise.*} property: its key, its default, what it does (one line, the README's table is made from
 * it) and the rule a value must meet. Immutable.
 */
public final class Setting {

    private static final Pattern PLACEMENT_TTLS = Pattern.compile(
            "\\s*|[A-Za-z0-9._-]+\\s*=\\s*\\d+(\\s*,\\s*[A-Za-z0-9._-]+\\s*=\\s*\\d+)*\\s*");

    private enum Kind { WHOLE, DECIMAL, FLAG, TEXT, PLACEMENT_TTLS }

    private final String key;
    private final String defaultValue;
    private final String description;
    private final Kind kind;
    private final double min;
    private final double max;

    private Setting(String key, String defaultValue, String description, Kind kind, double min, double max) {
        this.key = Objects.requireNonNull(key, "key");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.description = Objects.requireNonNull(description, "description");
        this.kind = kind;
        this.min = min;
        this.max = max;
        String problem = problem(defaultValue);
        if (problem != null) {
            throw new IllegalArgumentException("The default of " + key + " breaks its own rule: " + problem);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    static Setting whole(String key, long defaultValue, long min, long max, String description) {
        return new Setting(key, Long.toString(defaultValue), description, Kind.WHOLE, min, max);
    }

    /** A decimal number from {@code min} to {@code max}. */
    static Setting decimal(String key, double defaultValue, double min, double max, String description) {
        return new Setting(key, Double.toString(defaultValue), description, Kind.DECIMAL, min, max);
    }

    /** {@code true} or {@code false}. */
    static Setting flag(String key, boolean defaultValue, String description) {
        return new Setting(key, Boolean.toString(defaultValue), description, Kind.FLAG, 0, 0);
    }

    /** Any text that is not blank. */
    static Setting text(String key, String defaultValue, String description) {
        return new Setting(key, defaultValue, description, Kind.TEXT, 0, 0);
    }

    /** Placement names with a cache lifetime in seconds each, {@code name=seconds, ...}; may be empty. */
    static Setting placementTtls(String key, String description) {
        return new Setting(key, "", description, Kind.PLACEMENT_TTLS, 0, 0);
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** What a value must be, in words, as the README and the start-up message say it. */
    public String rule() {
        switch (kind) {
            case WHOLE:
                return "a whole number from " + (long) min + " to " + (long) max;
            case DECIMAL:
                return "a number from " + format(min) + " to " + format(max);
            case FLAG:
                return "true or false";
            case PLACEMENT_TTLS:
                return "placement=seconds pairs separated by commas, e.g. home-trending=900, pdp-similar=3600";
            default:
                return "a text that is not blank";
        }
    }

    /** The value as the plugin uses it (trimmed; a flag in lower case), or {@code null} if it breaks the rule. */
    String normalise(String value) {
        if (problem(value) != null) {
            return null;
        }
        String trimmed = value.trim();
        return kind == Kind.FLAG ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    /** Why {@code value} is not acceptable, or {@code null} if it is. */
    String problem(String value) {
        String v = value.trim();
        switch (kind) {
            case WHOLE:
                try {
                    long n = Long.parseLong(v);
                    return n < min || n > max ? "it is out of range" : null;
                } catch (NumberFormatException e) {
                    return "it is not a whole number";
                }
            case DECIMAL:
                try {
                    double d = Double.parseDouble(v);
                    return !(d >= min && d <= max) ? "it is out of range" : null;
                } catch (NumberFormatException e) {
                    return "it is not a number";
                }
            case FLAG:
                return "true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v) ? null : "it is neither true nor false";
            case PLACEMENT_TTLS:
                return PLACEMENT_TTLS.matcher(value).matches() ? null : "it is not of that form";
            default:
                return v.isEmpty() ? "it is blank" : null;
        }
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return key + " (default " + defaultValue + ")";
    }
}

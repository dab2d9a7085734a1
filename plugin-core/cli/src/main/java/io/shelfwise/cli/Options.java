package io.shelfwise.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line options, checked against the names a command knows. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, List<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() < 3) {
                throw new UsageException("Expected an option such as --" + known.get(0) + ", found '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new UsageException("Unknown option --" + name + "; known: --" + String.join(", --", known));
            }
            if (i + 1 >= args.length) {
                throw new UsageException("--" + name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    static int integer(Map<String, String> options, String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }
}

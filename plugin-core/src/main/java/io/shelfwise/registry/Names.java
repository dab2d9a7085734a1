package io.shelfwise.registry;

import java.util.regex.Pattern;

/**
 * The names the registry accepts for strategies, placements and artifact files: letters and digits with single
 * {@code . _ -} between them. Such a name can neither hold a path separator nor be {@code ..} nor start with a dot,
 * so a file named after it stays inside the model store and is never one of the store's hidden temporary files.
 */
final class Names {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");
    private static final int MAX_NAME = 64;
    private static final int MAX_FILE_NAME = 255;
    private static final int MAX_ACTOR = 128;

    private Names() {
    }

    static String strategy(String name) {
        return plain("strategy", name, MAX_NAME, "also-bought");
    }

    static String placement(String name) {
        return plain("placement", name, MAX_NAME, "home-for-you");
    }

    static boolean isFileName(String name) {
        return name != null && name.length() <= MAX_FILE_NAME && PLAIN.matcher(name).matches();
    }

    /** Who did something: any text of 1 to 128 characters that is not blank. */
    static String actor(String who) {
        if (who == null || who.trim().isEmpty() || who.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("Say who acts in 1 to " + MAX_ACTOR
                    + " characters (a user name, or e.g. scheduler), was '" + who + "'");
        }
        return who;
    }

    private static String plain(String kind, String name, int max, String example) {
        if (name == null || name.length() > max || !PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("A " + kind + " name is 1 to " + max
                    + " letters and digits with single '.', '_' or '-' between them (e.g. " + example + "), was '"
                    + name + "'");
        }
        return name;
    }
}

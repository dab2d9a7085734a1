package io.shelfwise.registry;

import io.shelfwise.events.Names;

/**
 * The other names the registry accepts (strategies and placements follow {@link Names}): artifact files, by the
 * same rule up to 255 characters, and who acted. Such a file name can neither hold a path separator nor be
 * {@code ..} nor start with a dot, so a file named after it stays inside the model store and is never one of the
 * store's hidden temporary files.
 */
final class RegistryNames {

    private static final int MAX_FILE_NAME = 255;
    private static final int MAX_ACTOR = 128;

    private RegistryNames() {
    }

    static boolean isFileName(String name) {
        return Names.isPlain(name, MAX_FILE_NAME);
    }

    /** Who did something: any text of 1 to 128 characters that is not blank. */
    static String actor(String who) {
        if (who == null || who.trim().isEmpty() || who.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("Say who acts in 1 to " + MAX_ACTOR
                    + " characters (a user name, or e.g. scheduler), was '" + who + "'");
        }
        return who;
    }
}

package io.shelfwise.internal;

/**
 * Text from outside (a name, an id, a model's metadata) shown back in a message: quoted, cut short, control
 * characters as {@code ?}, so a message stays one readable line whatever it was given. Not API.
 */
public final class QuotedText {

    private QuotedText() {
    }

    /** {@code 'text'}, at most {@code max} characters of it followed by {@code ...}; {@code null} as "nothing". */
    public static String of(String text, int max) {
        if (text == null) {
            return "nothing";
        }
        String shown = text.length() > max ? text.substring(0, max) + "..." : text;
        StringBuilder quoted = new StringBuilder(shown.length() + 2).append('\'');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            quoted.append(Character.isISOControl(c) ? '?' : c);
        }
        return quoted.append('\'').toString();
    }
}

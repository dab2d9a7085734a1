package io.shelfwise.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way product text (names, descriptions, categories) becomes words, for content similarity and for price
 * features alike: markup tags dropped, lower case, accents folded ("Crème" gives "creme"), and each run of letters
 * or digits, of any script, a word; everything else (spaces, punctuation, symbols such as {@code £}) separates
 * words. Stateless and thread-safe; {@code null} or blank text gives no words.
 */
public final class Words {

    private static final Pattern MARKUP = Pattern.compile("<[^>]*>");

    private Words() {
    }

    /** The words of a text, in order, repeats kept. */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        String plain = text.indexOf('<') >= 0 ? MARKUP.matcher(text).replaceAll(" ") : text;
        String folded = Normalizer.normalize(plain, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && word.length() > 0) {
                // Anything else ends a word; the accents NFD splits off are skipped inside one.
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}

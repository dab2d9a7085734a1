package io.shelfwise.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How product text becomes tokens for the price model: accents folded to ASCII ("Crème" -> "creme"), anything
 * else non-ASCII dropped, lower case, runs of letters and digits as words, and adjacent word pairs as bigrams.
 * Stateless and thread-safe; {@code null} or blank text gives no tokens.
 */
public final class PriceText {

    private PriceText() {
    }

    /** Words in order, repeats kept. */
    public static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && word.length() > 0) {
                // Anything else ends a word; accents split off by NFD are skipped inside one.
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Words followed by bigrams ("a_b") of adjacent words. */
    public static List<String> wordsAndBigrams(List<String> words) {
        List<String> out = new ArrayList<>(words.size() * 2);
        out.addAll(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + "_" + words.get(i + 1));
        }
        return out;
    }

    /** The largest number written in the text below 1000 ("SET OF 12" -> 12), or 0. Pack sizes drive prices. */
    public static int largestCount(List<String> words) {
        int best = 0;
        for (String w : words) {
            if (w.length() <= 3 && isDigits(w)) {
                best = Math.max(best, Integer.parseInt(w));
            }
        }
        return best;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

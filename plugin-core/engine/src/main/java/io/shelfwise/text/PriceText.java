package io.shelfwise.text;

import java.util.ArrayList;
import java.util.List;

/**
 * What the price model reads in product text: the {@link Words} of it, adjacent word pairs as bigrams, and the pack
 * size a number in the text gives. Stateless and thread-safe; {@code null} or blank text gives no tokens.
 */
public final class PriceText {

    private PriceText() {
    }

    /** Words in order, repeats kept: {@link Words#of}. */
    public static List<String> words(String text) {
        return Words.of(text);
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

package io.shelfwise.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    @Test
    void foldsAccentsAndSplitsOnPunctuationAndSymbols() {
        assertThat(Words.of("Crème Brûlée SET/3, \"Pack\" of 12")).containsExactly("creme", "brulee", "set", "3",
                "pack", "of", "12");
        assertThat(Words.of("Gift Voucher £40.00")).containsExactly("gift", "voucher", "40", "00");
    }

    @Test
    void keepsLettersOfEveryScript() {
        assertThat(Words.of("日本 TEAPOT")).containsExactly("日本", "teapot");
        assertThat(Words.of("Straße Ελληνικά")).containsExactly("straße", "ελληνικα");
    }

    @Test
    void dropsMarkupFromDescriptions() {
        assertThat(Words.of("<p>Hand-made <b>oak</b> box</p>")).containsExactly("hand", "made", "oak", "box");
    }

    @Test
    void nothingGivesNoWords() {
        assertThat(Words.of(null)).isEmpty();
        assertThat(Words.of("")).isEmpty();
        assertThat(Words.of(" -- ")).isEmpty();
    }
}

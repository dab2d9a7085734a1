package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTextTest {

    @Test
    void requestDataInTheLogCannotForgeLinesOrFillTheLog() {
        assertThat(RequestText.printable("/search\r\n12:00:00 ERROR forged")).isEqualTo("/search??12:00:00 ERROR forged");
        assertThat(RequestText.printable("/caf\u00e9")).isEqualTo("/caf?");
        StringBuilder longPath = new StringBuilder("/");
        for (int i = 0; i < 10_000; i++) {
            longPath.append('a');
        }
        assertThat(RequestText.printable(longPath.toString())).hasSize(RequestText.MAX_LENGTH + 3).endsWith("...");
        assertThat(RequestText.printable(null)).isEmpty();
    }
}

package io.shelfwise.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true);

    @Test
    void inALogEachStageIsOneLineWhenItStartsAndOneWhenItEnds() {
        ProgressBar bar = new ProgressBar(stream, "itemknn", 1000, false);
        for (int done = 0; done <= 1000; done++) {
            bar.accept(done);
        }

        assertThat(text()).doesNotContain("\r")
                .isEqualTo(String.format("itemknn: started (1000 to do)%nitemknn: done (1000)%n"));
    }

    @Test
    void onATerminalTheBarIsRedrawnAtMostOncePerPercentThenEndsTheLine() {
        ProgressBar bar = new ProgressBar(stream, "itemknn", 1000, true);
        for (int done = 0; done <= 1000; done++) {
            bar.accept(done);
        }

        String text = text();
        assertThat(text.chars().filter(c -> c == '\r').count()).isEqualTo(101);
        assertThat(text).endsWith("[##############################] 100%" + System.lineSeparator());
    }

    @Test
    void reportsOutOfOrderNeverMoveItBack() {
        ProgressBar bar = new ProgressBar(stream, "pop", 10, true);
        bar.accept(5);
        bar.accept(3);
        bar.accept(10);
        bar.accept(7);

        assertThat(text()).isEqualTo(String.format("\r%-40s [%s] %3d%%", "pop", "###############...............", 50)
                + String.format("\r%-40s [%s] %3d%%", "pop", "##############################", 100)
                + System.lineSeparator());
    }

    private String text() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}

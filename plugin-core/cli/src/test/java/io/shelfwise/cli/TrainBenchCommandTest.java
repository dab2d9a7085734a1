package io.shelfwise.cli;

import io.shelfwise.recommend.algo.NeighbourModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainBenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Every reading of the clock is one second after the previous one. */
    private final AtomicLong clock = new AtomicLong();
    private final TrainBenchCommand command = new TrainBenchCommand(new PrintStream(out),
            new PrintStream(new ByteArrayOutputStream()), () -> clock.getAndAdd(1_000_000_000L));

    @Test
    void writesTheReportWithTheAgreedKeys(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("out/train-bench.json");

        int status = command.run(new String[] {"--interactions", "5000", "--items", "300", "--seed", "1",
                "--runs", "2", "--out", report.toString()});

        assertThat(status).isZero();
        String json = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        assertThat(json).contains("\"interactions\" : 5000", "\"items\" : 300", "\"users\"", "\"machine\"",
                "\"cores\"", "\"jvm\"", "\"os\"", "\"name\" : \"pop\"", "\"name\" : \"default\"", "\"name\" : \"default-tuned\"",
                "\"trainSeconds\" : 1.0", "\"trainSecondsVsPop\" : 1.0", "\"modelBytes\"", "\"bytesPer10kItems\"",
                "\"retainedHeapBytes\"", "\"neighbours\"", "\"trainSecondsRuns\" : [ 1.0, 1.0 ]");
        assertThat(out.toString()).contains("model", "train s", "pop", "default");
    }

    @Test
    void modelBytesCountsHeadersPaddingAndEntries() {
        NeighbourModel model = new NeighbourModel("t", Arrays.asList("a", "b"), new int[][] {{1}, {}},
                new float[][] {{0.5f}, {}}, new float[2], 1.0);

        // two reference tables and the prior: 16 + 2 * 4 = 24 each; {1} and {0.5f}: 16 + 4 -> 24; empty: 16
        assertThat(TrainBenchCommand.modelBytes(model)).isEqualTo(3 * 24 + 2 * 24 + 2 * 16);
    }

    @Test
    void badCommandLinesSayWhatToChange() {
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "sequences:x", "--items", "10"}))
                .hasMessageContaining("give one or the other");
        assertThatThrownBy(() -> command.run(new String[] {"--items", "0"}))
                .hasMessageContaining("--items must be between 1");
        assertThatThrownBy(() -> command.run(new String[] {"--threads", "2"})).hasMessageContaining("Unknown option");
    }
}

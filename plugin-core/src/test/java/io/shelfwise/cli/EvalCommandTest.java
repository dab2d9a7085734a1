package io.shelfwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EvalCommand command = new EvalCommand(new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));

    @Test
    void writesTheReportWithTheAgreedKeys(@TempDir Path dir) throws Exception {
        StringBuilder sequences = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            sequences.append(u).append(' ').append(u % 7).append(' ').append(u % 5 + 10).append(' ')
                    .append(u % 3 + 20).append(' ').append(u % 4 + 30).append('\n');
        }
        Path data = dir.resolve("sequences.txt");
        Files.write(data, sequences.toString().getBytes(StandardCharsets.UTF_8));
        Path report = dir.resolve("out/report.json");

        int status = command.run(new String[] {"--dataset", "sequences:" + data, "--protocol", "leave-one-out",
                "--k", "10", "--models", "default,pop,itemknn", "--out", report.toString(), "--threads", "2"});

        assertThat(status).isZero();
        String json = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        assertThat(json).contains("\"dataset\"", "\"protocol\" : \"leave-one-out\"", "\"k\" : 10", "\"users\" : 60",
                "\"items\"", "\"name\" : \"default\"", "\"HR@10\"", "\"NDCG@10\"", "\"MRR@10\"", "\"Coverage@10\"",
                "\"trainSeconds\"");
        assertThat(out.toString()).contains("model", "HR@10", "pop", "itemknn");
    }

    @Test
    void measuresSequenceModelsAndTheirBlendWithTheDefault(@TempDir Path dir) throws Exception {
        StringBuilder sequences = new StringBuilder();
        for (int u = 1; u <= 80; u++) {
            sequences.append(u);
            for (int p = 0; p < 6; p++) {
                sequences.append(' ').append((u + 2 * p) % 15 + 1);
            }
            sequences.append('\n');
        }
        Path data = dir.resolve("sequences.txt");
        Files.write(data, sequences.toString().getBytes(StandardCharsets.UTF_8));
        Path report = dir.resolve("report.json");

        int status = command.run(new String[] {"--dataset", "sequences:" + data, "--models", "gru,sasrec,default+gru",
                "--out", report.toString(), "--threads", "1"});

        assertThat(status).isZero();
        String json = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : \"gru\"", "\"name\" : \"sasrec\"", "\"name\" : \"default+gru\"",
                "\"HR@10\"", "\"NDCG@10\"", "\"trainSeconds\"", "\"sequenceWeight\"", "\"architecture\" : \"sasrec\"");
    }

    @Test
    void badCommandLinesSayWhatToChange(@TempDir Path dir) {
        assertThatThrownBy(() -> command.run(new String[] {"--models", "pop"})).hasMessage("--dataset is required");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "sequences:" + dir.resolve("none.txt")}))
                .hasMessageContaining("Cannot read the dataset file");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "x", "--models", "magic"}))
                .hasMessageContaining("Unknown model 'magic'");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "x", "--k", "0"}))
                .hasMessageContaining("--k must be between 1 and 1000");
        assertThatThrownBy(() -> command.run(new String[] {"--colour", "red"})).hasMessageContaining("Unknown option --colour");
    }
}

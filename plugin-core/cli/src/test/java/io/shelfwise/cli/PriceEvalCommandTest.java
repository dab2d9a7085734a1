package io.shelfwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceEvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(new ByteArrayOutputStream());

    private static Path retailFile(Path dir) throws Exception {
        String[] nouns = {"MUG", "LANTERN", "CLOCK", "BAG", "CANDLE", "CUSHION"};
        double[] prices = {2.5, 5.0, 8.5, 1.7, 1.25, 4.0};
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country\n");
        for (int i = 0; i < 150; i++) {
            int n = random.nextInt(nouns.length);
            for (int s = 0; s < 3; s++) {
                csv.append(600000 + i * 3 + s).append(',').append(30000 + i).append(",RED ").append(nouns[n])
                        .append(',').append(1 + s).append(',')
                        .append(String.format(Locale.ROOT, "%.2f", prices[n] * (0.9 + 0.2 * random.nextDouble())))
                        .append(",,United Kingdom\n");
            }
        }
        csv.append("C1,30001,RED MUG,-1,2.50,,United Kingdom\n");
        Path file = dir.resolve("all.csv");
        Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void splitThenEvalWritesTheAgreedKeys(@TempDir Path dir) throws Exception {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        Path all = retailFile(dir);
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        assertThat(new PriceSplitCommand(new PrintStream(out)).run(new String[] {"--input", all.toString(),
                "--test-share", "0.25", "--seed", "2", "--train-out", train.toString(), "--test-out",
                test.toString()})).isZero();
        Path report = dir.resolve("out/report.json");
        int status = new PriceEvalCommand(new PrintStream(out), err, Clock.systemUTC()).run(new String[] {
                "--train", train.toString(), "--test", test.toString(), "--out", report.toString(), "--epochs", "10"});
        assertThat(status).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(json.get("products").asInt()).isPositive();
        assertThat(json.get("rmsle").asDouble()).isPositive();
        assertThat(json.get("baselines").get("global-median").asDouble()).isPositive();
        assertThat(json.get("baselines").get("bow-ridge").asDouble()).isPositive();
        assertThat(json.get("intervalCoverage").asDouble()).isBetween(0.0, 1.0);
        assertThat(out.toString()).contains("rmsle", "coverage");
    }

    @Test
    void badCommandLinesSayWhatToChange(@TempDir Path dir) {
        PriceEvalCommand command = new PriceEvalCommand(new PrintStream(out), err, Clock.systemUTC());
        assertThatThrownBy(() -> command.run(new String[] {"--test", "x.csv"})).hasMessage("--train is required");
        assertThatThrownBy(() -> command.run(new String[] {"--train", dir.resolve("none.csv").toString(), "--test",
                "x"})).hasMessageContaining("Cannot read");
        assertThatThrownBy(() -> new PriceSplitCommand(new PrintStream(out)).run(new String[] {"--input",
                dir.toString(), "--test-share", "2", "--train-out", "a", "--test-out", "b"}))
                .hasMessageContaining("--test-share must be between 0 and 1");
    }
}

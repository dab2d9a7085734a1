package io.shelfwise.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ShelfwiseCliTest {

    @Test
    void anInputFileOfTheWrongShapeIsOneLineSayingWhyWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path train = dir.resolve("train.csv");
        Files.write(train, "InvoiceNo,StockCode,Description,Quantity\n1,100,MUG,1\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream before = System.err;
        int status;
        System.setErr(new PrintStream(err, true, "UTF-8"));
        try {
            status = ShelfwiseCli.run(new String[] {"price-eval", "--train", train.toString(), "--test", train.toString(),
                    "--out", dir.resolve("r.json").toString()});
        } finally {
            System.setErr(before);
        }
        String printed = new String(err.toByteArray(), StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).contains("\nshelfwise: " + train + " has no column UnitPrice").doesNotContain("\tat ");
        assertThat(printed.trim().split("\n")).hasSize(2); // "Reading ..." and the reason
    }
}

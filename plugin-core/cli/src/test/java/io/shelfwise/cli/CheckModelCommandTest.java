package io.shelfwise.cli;

import io.shelfwise.recommend.upload.CraftedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckModelCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int run(String... args) {
        printed.reset();
        return new CheckModelCommand(new PrintStream(printed, true)).run(args);
    }

    private String output() {
        return new String(printed.toByteArray(), StandardCharsets.UTF_8);
    }

    private String lastLine() {
        String[] lines = output().split("\n");
        return lines[lines.length - 1];
    }

    private Path catalogue() throws Exception {
        return Files.write(folder.resolve("catalogue.txt"), CraftedModels.ITEMS, StandardCharsets.UTF_8);
    }

    @Test
    void everyCraftedFileIsRefusedWithExitOneAndOurExportsAreAcceptedWithExitZero() throws Exception {
        Path catalogue = catalogue();
        for (CraftedModels.Crafted crafted : CraftedModels.all()) {
            Path file = Files.write(folder.resolve(crafted.file), crafted.bytes);
            List<String> args = new ArrayList<>(Arrays.asList(file.toString(), "--strategy", "crafted",
                    "--catalogue", catalogue.toString()));
            args.addAll(crafted.options);

            int status = run(args.toArray(new String[0]));

            assertThat(status).as(crafted.file + ":\n" + output()).isEqualTo(crafted.accepted ? 0 : 1);
            assertThat(output()).startsWith("check-model " + file + " (").contains(" as strategy crafted");
            if (crafted.accepted) {
                assertThat(lastLine()).isEqualTo("verdict: accepted");
                assertThat(output()).doesNotContain("ERROR ");
            } else {
                assertThat(lastLine()).as(crafted.file).matches("verdict: refused \\(\\d+ errors?\\)");
                assertThat(output()).contains("\nERROR    ");
            }
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedFromItsSize() throws Exception {
        Path big = Files.write(folder.resolve("big.onnx"), CraftedModels.padded(CraftedModels.neighbour(), 1_200_000));
        assertThat(run(big.toString(), "--max-megabytes", "1")).isEqualTo(1);
        assertThat(output()).contains("ERROR    The file is 1.2 MB; uploads are limited to 1.0 MB");
        // the same file under the default limit of 64 MB passes: only the size refused it
        assertThat(run(big.toString())).isEqualTo(0);
        assertThat(output()).contains("NOTE     The item ids were not compared with the catalogue");
    }

    @Test
    void aModelOfAnotherCatalogueIsRefusedWhenTheCatalogueIsGiven() throws Exception {
        Path model = Files.write(folder.resolve("model.onnx"), CraftedModels.neighbour());
        Path other = Files.write(folder.resolve("other.txt"), Arrays.asList("1001", "", "1002 "),
                StandardCharsets.UTF_8);
        assertThat(run(model.toString(), "--catalogue", other.toString())).isEqualTo(1);
        assertThat(output()).contains("catalogue of 2 product ids")
                .contains("ERROR    Only 0 of the model's 40 item ids (0%) are products of this catalogue");
    }

    @Test
    void usageErrorsSayWhatToChangeAndExitTwo() throws Exception {
        Path model = Files.write(folder.resolve("model.onnx"), CraftedModels.neighbour());
        assertThatThrownBy(() -> run()).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("check-model takes one model file");
        assertThatThrownBy(() -> run(folder.resolve("missing.onnx").toString())).isInstanceOf(UsageException.class)
                .hasMessageEndingWith("missing.onnx (no such file)");
        assertThatThrownBy(() -> run(folder.toString())).isInstanceOf(UsageException.class)
                .hasMessageEndingWith("(it is a folder)");
        assertThatThrownBy(() -> run(model.toString(), "--strategy", "../etc")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--strategy: A strategy name is 1 to 54 letters and digits");
        assertThatThrownBy(() -> run(model.toString(), "--max-megabytes", "0")).isInstanceOf(UsageException.class)
                .hasMessage("--max-megabytes must be between 1 and 2047, was 0");
        assertThatThrownBy(() -> run(model.toString(), "--colour", "red")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("Unknown option --colour");
        Path empty = Files.write(folder.resolve("empty.txt"), new byte[0]);
        assertThatThrownBy(() -> run(model.toString(), "--catalogue", empty.toString()))
                .isInstanceOf(UsageException.class).hasMessageContaining("lists no product ids");

        // through the command line's entry point: a usage error is exit status 2, a refusal 1, a pass 0
        assertThat(ShelfwiseCli.run(new String[] {"check-model", folder.resolve("missing.onnx").toString()}))
                .isEqualTo(2);
        Path truncated = Files.write(folder.resolve("truncated.onnx"), Arrays.copyOf(Files.readAllBytes(model), 100));
        assertThat(ShelfwiseCli.run(new String[] {"check-model", truncated.toString()})).isEqualTo(1);
        assertThat(ShelfwiseCli.run(new String[] {"check-model", model.toString(), "--strategy", "my-model"}))
                .isEqualTo(0);
    }
}

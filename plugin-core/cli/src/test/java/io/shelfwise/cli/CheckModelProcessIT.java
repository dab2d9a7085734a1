package io.shelfwise.cli;

import io.shelfwise.recommend.upload.CraftedModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code shelfwise check-model} as operators and CI run it: a JVM of its own through {@code ShelfwiseCli.main}, so
 * the exit status is the process's. Each crafted kind of attack is one process; the valid exports must exit 0.
 */
class CheckModelProcessIT {

    @TempDir
    Path folder;

    private static final class Outcome {
        final int status;
        final String stdout;
        final String stderr;

        Outcome(int status, String stdout, String stderr) {
            this.status = status;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n" + stdout + stderr;
        }
    }

    private Outcome checkModel(String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classPath, ShelfwiseCli.class.getName(), "check-model"));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile(folder, "stdout", ".txt");
        Path err = Files.createTempFile(folder, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a bound so a hung child fails the run instead of stalling it; not a performance assertion
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("check-model did not finish: " + command);
        }
        return new Outcome(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    }

    @Test
    void everyCraftedModelExitsOneAndEveryValidExportExitsZeroAsItsOwnProcess() throws Exception {
        Path catalogue = Files.write(folder.resolve("catalogue.txt"), CraftedModels.ITEMS, StandardCharsets.UTF_8);
        for (CraftedModels.Crafted crafted : CraftedModels.all()) {
            Path file = Files.write(folder.resolve(crafted.file), crafted.bytes);
            List<String> args = new ArrayList<>(Arrays.asList(file.toString(), "--catalogue", catalogue.toString()));
            args.addAll(crafted.options);

            Outcome outcome = checkModel(args.toArray(new String[0]));

            assertThat(outcome.status).as(crafted.file + ": " + outcome).isEqualTo(crafted.accepted ? 0 : 1);
            String[] lines = outcome.stdout.trim().split("\n");
            assertThat(lines[lines.length - 1]).as(crafted.file)
                    .matches(crafted.accepted ? "verdict: accepted" : "verdict: refused \\(\\d+ errors?\\)");
            assertThat(outcome.stdout + outcome.stderr).doesNotContain("passwd:").doesNotContain("Exception");
        }
    }

    @Test
    void aMissingFileIsAUsageErrorWithExitTwo() throws Exception {
        Outcome outcome = checkModel(folder.resolve("nothing.onnx").toString());
        assertThat(outcome.status).isEqualTo(2);
        assertThat(outcome.stdout).isEmpty();
        assertThat(outcome.stderr.trim()).isEqualTo("shelfwise: Cannot read the model file "
                + folder.resolve("nothing.onnx") + " (no such file)");
    }
}

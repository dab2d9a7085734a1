package io.shelfwise.cli;

import io.shelfwise.recommend.upload.ModelUpload;
import io.shelfwise.recommend.upload.UploadCheckResult;
import io.shelfwise.recommend.upload.UploadFinding;
import io.shelfwise.recommend.upload.UploadedModelCheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code shelfwise check-model}: the check an admin upload runs ({@link UploadedModelCheck}), offline, on a file.
 * <pre>
 * check-model FILE [--strategy NAME] [--catalogue IDS.txt] [--max-megabytes 64]
 * </pre>
 * Prints every finding with its severity, then a verdict line, {@code verdict: accepted} or
 * {@code verdict: refused (N errors)}. Exit status 0 when an upload would be accepted (READY), 1 when it would be
 * refused (FAILED), 2 when the command line cannot be run (no such file, a bad strategy name or option), as
 * {@link ShelfwiseCli} maps a {@link UsageException}. The file is read through the same size limit as an upload:
 * one over the limit is refused from its size, unread. The catalogue file lists product ids, one a line (blank
 * lines ignored); without it the item ids are not compared, as an upload to a store with no catalogue.
 */
final class CheckModelCommand {

    private static final List<String> OPTIONS = Arrays.asList("strategy", "catalogue", "max-megabytes");
    private static final int MAX_MEGABYTES = 2047;

    private final PrintStream out;

    CheckModelCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        List<String> files = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                rest.add(args[i]);
                if (i + 1 < args.length) {
                    rest.add(args[++i]);
                }
            } else {
                files.add(args[i]);
            }
        }
        if (files.size() != 1) {
            throw new UsageException("check-model takes one model file: check-model FILE [--strategy NAME] "
                    + "[--catalogue IDS.txt] [--max-megabytes N]" + (files.isEmpty() ? "" : "; given " + files));
        }
        Map<String, String> options = Options.parse(rest.toArray(new String[0]), OPTIONS);
        Path file = readable(Paths.get(files.get(0)), "model file");
        String strategy = options.get("strategy");
        if (strategy != null) {
            try {
                ModelUpload.checkStrategy(strategy);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--strategy: " + e.getMessage());
            }
        }
        int megabytes = Options.integer(options, "max-megabytes",
                (int) (UploadedModelCheck.DEFAULT_MAX_BYTES >> 20), 1, MAX_MEGABYTES);
        Set<String> catalogue = options.containsKey("catalogue")
                ? catalogue(readable(Paths.get(options.get("catalogue")), "catalogue file")) : null;
        UploadedModelCheck check = UploadedModelCheck.builder().maxBytes((long) megabytes << 20).build();

        UploadCheckResult result;
        long size;
        try (InputStream content = Files.newInputStream(file)) {
            size = Files.size(file);
            result = check.check(content, size, catalogue);
        } catch (IOException e) {
            throw new UsageException("Cannot read the model file " + file + " (" + e.getMessage() + ")");
        }
        out.println("check-model " + file + " (" + String.format(Locale.ROOT, "%,d", size) + " bytes)"
                + (strategy == null ? "" : " as strategy " + strategy) + ", limit " + megabytes + " MB"
                + (catalogue == null ? "" : ", catalogue of " + catalogue.size() + " product ids"));
        for (UploadFinding finding : result.findings()) {
            out.println(String.format(Locale.ROOT, "%-8s %s", finding.severity(), finding.message()));
        }
        int errors = result.errors().size();
        out.println(result.passed() ? "verdict: accepted" : "verdict: refused (" + errors + " error"
                + (errors == 1 ? "" : "s") + ")");
        return result.passed() ? 0 : 1;
    }

    private static Path readable(Path path, String what) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException("Cannot read the " + what + " " + path
                    + (Files.isDirectory(path) ? " (it is a folder)" : Files.exists(path) ? "" : " (no such file)"));
        }
        return path;
    }

    private static Set<String> catalogue(Path path) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.trim().isEmpty()) {
                    ids.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UsageException("Cannot read the catalogue file " + path + " (" + e.getMessage() + ")");
        }
        if (ids.isEmpty()) {
            throw new UsageException("The catalogue file " + path + " lists no product ids (one a line); leave "
                    + "--catalogue out to skip the comparison");
        }
        return ids;
    }
}

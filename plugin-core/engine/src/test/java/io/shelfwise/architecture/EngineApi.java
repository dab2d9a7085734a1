package io.shelfwise.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The engine's API: the packages modules built on it (plugin-admin, plugin-storefront) may import. The rest of the
 * engine (how models are trained, exported, loaded and served; JDBC, text, ONNX plumbing) may change without them.
 * Test fixture: each of those modules runs {@link #importsOutsideTheApi} over its own sources.
 */
public final class EngineApi {

    /** Engine packages other modules may import, and the adapter module's package. */
    public static final Set<String> PACKAGES = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
            "io.shelfwise",
            "io.shelfwise.events",
            "io.shelfwise.events.capture",
            "io.shelfwise.events.store",
            "io.shelfwise.health",
            "io.shelfwise.price",
            "io.shelfwise.price.review",
            "io.shelfwise.recommend",
            "io.shelfwise.recommend.experiment",
            "io.shelfwise.recommend.training",
            "io.shelfwise.recommend.tuning",
            "io.shelfwise.recommend.upload",
            "io.shelfwise.registry",
            "io.shelfwise.broadleaf")));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(io\\.shelfwise\\.[\\w.]+?)"
            + "\\.([A-Z]\\w*)(?:\\.[\\w*]+)*\\s*;", Pattern.MULTILINE);

    private EngineApi() {
    }

    /**
     * Every import of a Shelfwise class outside {@link #PACKAGES} in the Java sources under {@code sourceRoot}, as
     * {@code file: import}, skipping the module's own packages (those starting with {@code ownPackage}).
     */
    public static List<String> importsOutsideTheApi(Path sourceRoot, String ownPackage) {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(sourceRoot)) {
            Matcher m = IMPORT.matcher(read(file));
            while (m.find()) {
                String pkg = m.group(1);
                if (!PACKAGES.contains(pkg) && !pkg.equals(ownPackage) && !pkg.startsWith(ownPackage + ".")) {
                    found.add(sourceRoot.relativize(file) + ": " + pkg + "." + m.group(2));
                }
            }
        }
        return found;
    }

    /** The Java files under {@code root}; fails if there are none, so a wrong path cannot pass. */
    public static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            if (java.isEmpty()) {
                throw new IllegalArgumentException("No Java sources under " + root.toAbsolutePath());
            }
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

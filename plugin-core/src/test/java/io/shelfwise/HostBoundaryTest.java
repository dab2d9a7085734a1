package io.shelfwise;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** plugin-core's engine stays host-free: only the platform.broadleaf adapter may import Broadleaf. */
class HostBoundaryTest {

    private static final Path SOURCES = Paths.get("src", "main", "java");
    private static final String ADAPTER = "io/shelfwise/platform/broadleaf/";

    @Test
    void onlyTheAdapterImportsBroadleaf() throws IOException {
        assertThat(SOURCES).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().replace('\\', '/').contains(ADAPTER))
                    .filter(HostBoundaryTest::importsBroadleaf)
                    .map(Path::toString)
                    .collect(Collectors.toList());
        }
        assertThat(offenders).as("classes outside %s importing org.broadleafcommerce", ADAPTER).isEmpty();
    }

    private static boolean importsBroadleaf(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("import org.broadleafcommerce") || line.startsWith("import static org.broadleafcommerce")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}

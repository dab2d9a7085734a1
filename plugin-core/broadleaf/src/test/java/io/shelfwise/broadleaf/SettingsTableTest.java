package io.shelfwise.broadleaf;

import io.shelfwise.settings.ShelfwiseSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of properties is the one {@link ShelfwiseSettings#ALL} writes, so the docs cannot drift from
 * the code; with {@code -Dshelfwise.settings.write=true} it rewrites the table instead.
 */
class SettingsTableTest {

    private static final String START = "<!-- settings:start";
    private static final String END = "<!-- settings:end -->";

    @Test
    void theReadmeListsEverySettingAsTheCodeDefinesIt() throws IOException {
        Path readme = Paths.get("README.md");
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        int start = text.indexOf('\n', text.indexOf(START)) + 1;
        int end = text.indexOf(END);
        assertThat(start).as("the README's settings markers").isPositive();
        assertThat(end).isGreaterThan(start);
        String table = ShelfwiseSettings.markdownTable();
        if (Boolean.getBoolean("shelfwise.settings.write")) {
            Files.write(readme, (text.substring(0, start) + table + text.substring(end))
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        assertThat(text.substring(start, end))
                .as("plugin-core/broadleaf/README.md is behind ShelfwiseSettings.ALL; rewrite it with "
                        + "-Dshelfwise.settings.write=true (see the README)")
                .isEqualTo(table);
    }
}

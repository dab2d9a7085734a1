package io.shelfwise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShelfwiseVersionTest {

    @Test
    void buildFillsInTheProjectVersion() {
        ShelfwiseVersion version = ShelfwiseVersion.current();

        assertThat(version.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(version.toString()).isEqualTo("Shelfwise " + version.version());
    }
}

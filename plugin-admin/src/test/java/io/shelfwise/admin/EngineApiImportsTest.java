package io.shelfwise.admin;

import io.shelfwise.architecture.EngineApi;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/** This module builds on the engine's API packages only ({@link EngineApi#PACKAGES}), never on its insides. */
class EngineApiImportsTest {

    @Test
    void importsOnlyTheEnginesApi() {
        assertThat(EngineApi.importsOutsideTheApi(Paths.get("src/main/java"), "io.shelfwise.admin"))
                .as("imports of engine classes outside its API; use an interface of the API instead").isEmpty();
    }
}

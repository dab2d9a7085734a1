package io.shelfwise.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSettingsTest {

    @Test
    void databaseLivesUnderTheDataFolder(@TempDir Path dir) {
        DemoSettings settings = DemoSettings.of(dir, 8080, null);

        assertThat(settings.jdbcUrl()).startsWith("jdbc:hsqldb:file:" + dir.toAbsolutePath().toString().replace('\\', '/'));
        assertThat(settings.databaseExists()).isFalse();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void firstStartCreatesTheSchemaAndLaterStartsUpdateIt(@TempDir Path dir) throws Exception {
        DemoSettings settings = DemoSettings.of(dir, 8080, null);
        settings.apply();
        assertThat(System.getProperty(DemoSettings.SCHEMA_ACTION_PROPERTY)).isEqualTo("create");

        Files.write(dir.resolve("db").resolve("store.script"), new byte[0]);
        settings.apply();
        assertThat(System.getProperty(DemoSettings.SCHEMA_ACTION_PROPERTY)).isEqualTo("update");
    }

    @Test
    void rememberMeKeyIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
        DemoSettings settings = DemoSettings.of(dir, 8080, null);
        settings.apply();
        String first = System.getProperty("shelfwise.demo.remember.me.key");
        settings.apply();

        assertThat(first).hasSizeGreaterThan(20).isEqualTo(System.getProperty("shelfwise.demo.remember.me.key"));
    }

    @Test
    void resetDeletesTheDataFolder(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        DemoSettings settings = DemoSettings.of(data, 8080, null);
        settings.apply();
        settings.reset();

        assertThat(data).doesNotExist();
    }

    @Test
    void rejectsAPortOutOfRange(@TempDir Path dir) {
        assertThatThrownBy(() -> DemoSettings.of(dir, 70000, null)).hasMessageContaining("between 1 and 65535");
    }
}

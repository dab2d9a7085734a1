package io.shelfwise.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineApiTest {

    @TempDir
    Path sources;

    @Test
    void findsImportsOfTheEnginesInsidesAndNothingElse() throws IOException {
        write("io/shelfwise/admin/web/Page.java", "package io.shelfwise.admin.web;\n\n"
                + "import io.shelfwise.admin.models.Overview;\n"
                + "import io.shelfwise.recommend.PlacementControl;\n"
                + "import io.shelfwise.recommend.serve.OnnxRecommender;\n"
                + "import static io.shelfwise.recommend.onnx.RankingModels.load;\n"
                + "import io.shelfwise.registry.ModelVersion.Status;\n"
                + "import org.springframework.stereotype.Controller;\n\nclass Page {}\n");

        assertThat(EngineApi.importsOutsideTheApi(sources, "io.shelfwise.admin")).containsExactly(
                "io/shelfwise/admin/web/Page.java: io.shelfwise.recommend.serve.OnnxRecommender",
                "io/shelfwise/admin/web/Page.java: io.shelfwise.recommend.onnx.RankingModels");
    }

    @Test
    void aFolderWithoutSourcesIsAnError() {
        assertThatThrownBy(() -> EngineApi.importsOutsideTheApi(sources, "io.shelfwise.admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No Java sources");
    }

    private void write(String path, String text) throws IOException {
        Path file = sources.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}

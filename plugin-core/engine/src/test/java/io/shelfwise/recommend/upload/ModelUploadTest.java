package io.shelfwise.recommend.upload;

import ai.onnx.proto.OnnxMl;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelUploadTest {

    @TempDir
    Path store;

    private ModelRegistry registry;
    private InteractionData data;
    private Set<String> catalogue;
    private ModelUpload upload;

    @BeforeEach
    void setUp() throws IOException {
        javax.sql.DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(store), TestModels.CLOCK);
        data = OnnxNeighbourModelTestData.randomData(new Random(3), 150, 40, 8);
        catalogue = new HashSet<>(data.itemIds());
        upload = new ModelUpload(registry, UploadedModelCheck.standard(), () -> catalogue);
    }

    /** A model exactly as our own training exports it. */
    private byte[] ourModel() {
        NeighbourModel model = new ItemKnnTrainer("also-viewed", 10, 0.5, 5, 0.8).train(data);
        return TestModels.onnx(model, data, ItemKnnTrainer.class);
    }

    @Test
    void aModelOfOurOwnExportPassesAndIsReadyButNotActive() throws IOException {
        ModelUpload.UploadedVersion result = upload.upload("my-model", new ByteArrayInputStream(ourModel()), -1,
                "model.onnx", "alice");

        assertThat(result.check().errors()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.version().status()).isEqualTo(ModelVersion.Status.READY);
        assertThat(result.version().itemCount()).isEqualTo(40);
        assertThat(result.version().settingsJson()).contains("\"source\":\"upload\"").contains("alice");
        assertThat(result.check().findings()).extracting(UploadFinding::message)
                .anyMatch(m -> m.startsWith("Dry run: 6 sample histories"));
        assertThat(registry.activePlacements()).isEmpty();
        // stored by the registry in its own directory, under its own name
        assertThat(Files.exists(store.resolve("my-model-v1.onnx"))).isTrue();
        registry.activate("home-for-you", result.version().id(), "alice");
        assertThat(registry.active("home-for-you").get().label()).isEqualTo("my-model@1");
    }

    @Test
    void corruptBytesFailAndCannotBeActivated() throws IOException {
        byte[] model = ourModel();
        byte[] truncated = Arrays.copyOf(model, model.length / 2);
        ModelUpload.UploadedVersion result = upload.upload("my-model", new ByteArrayInputStream(truncated), -1,
                "model.onnx", "alice");

        assertThat(result.passed()).isFalse();
        assertThat(result.check().errors()).singleElement().extracting(UploadFinding::message).asString()
                .startsWith("ONNX Runtime cannot read the file as an ONNX model: it is not a well-formed ONNX protobuf");
        ModelVersion recorded = registry.version(result.version().id()).get();
        assertThat(recorded.status()).isEqualTo(ModelVersion.Status.FAILED);
        assertThat(recorded.message()).startsWith("Upload failed validation\nERROR: ONNX Runtime cannot read");
        assertThat(Files.exists(store.resolve("my-model-v1.onnx"))).isFalse();
        assertThatThrownBy(() -> registry.activate("home-for-you", recorded.id(), "alice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED");
        assertThat(registry.activePlacements()).isEmpty();

        UploadCheckResult text = UploadedModelCheck.standard().check("not a model".getBytes("UTF-8"), catalogue);
        assertThat(text.passed()).isFalse();
        UploadCheckResult empty = UploadedModelCheck.standard().check(new byte[0], catalogue);
        assertThat(empty.errors()).extracting(UploadFinding::message).containsExactly(
                "The file is empty. Upload the .onnx file your export wrote.");
    }

    @Test
    void wrongShapesAndTypesAreNamed() throws Exception {
        byte[] reshaped = CraftedModels.historyAsMatrix(ourModel());

        UploadCheckResult result = UploadedModelCheck.standard().check(reshaped, catalogue);

        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).extracting(UploadFinding::message)
                .contains("The graph's input 'history' has shape [1, ?] (2-D), expected int64 [h]");
    }

    @Test
    void aMissingOutputAndAnUnknownFormatAreNamed() throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(ourModel());
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = graph.getOutputCount() - 1; i >= 0; i--) {
            if (graph.getOutput(i).getName().equals(NeighbourGraph.OUT_CONTRIBUTIONS)) {
                graph.removeOutput(i);
            }
        }
        UploadCheckResult missing = UploadedModelCheck.standard()
                .check(model.toBuilder().setGraph(graph).build().toByteArray(), catalogue);
        assertThat(missing.errors()).extracting(UploadFinding::message).anyMatch(m -> m.startsWith(
                "The graph has no output 'history_contributions' (float [h, M])"));

        UploadCheckResult unnamed = UploadedModelCheck.standard()
                .check(withMetadata(model, NeighbourGraph.META_FORMAT, "my-format"), catalogue);
        assertThat(unnamed.errors()).extracting(UploadFinding::message).containsExactly(
                "Metadata shelfwise.format is 'my-format'; it must be 'shelfwise.sequence-graph.v1' or "
                        + "'shelfwise.neighbour-graph.v1' (see docs/bring-your-own-model.md)");
    }

    @Test
    void duplicateAndUnknownIdsFail() throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(ourModel());
        List<String> ids = new java.util.ArrayList<>(data.itemIds());
        ids.set(5, ids.get(4));
        UploadCheckResult duplicated = UploadedModelCheck.standard()
                .check(withMetadata(model, NeighbourGraph.META_ITEMS, String.join("\n", ids)), catalogue);
        assertThat(duplicated.passed()).isFalse();
        assertThat(duplicated.errors()).extracting(UploadFinding::message).anyMatch(m -> m.startsWith(
                "The item-id list repeats 1 id(s): 'item-4' x2."));

        Set<String> otherShop = data.itemIds().stream().limit(10).collect(Collectors.toSet());
        UploadCheckResult unknown = UploadedModelCheck.standard().check(model.toByteArray(), otherShop);
        assertThat(unknown.errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("Only 10 of the model's 40 item ids (25%) are products of this catalogue; at least 80%");

        Set<String> most = data.itemIds().stream().limit(36).collect(Collectors.toSet());
        UploadCheckResult some = UploadedModelCheck.standard().check(model.toByteArray(), most);
        assertThat(some.passed()).isTrue();
        assertThat(some.findings()).extracting(UploadFinding::message).anyMatch(m -> m.startsWith(
                "4 of the model's 40 item ids are not in the catalogue"));
    }

    @Test
    void notANumberScoresFailTheDryRun() {
        List<String> items = data.itemIds().subList(0, 5);
        float[] prior = {1, 2, Float.NaN, 3, 4};
        byte[] model = TestModels.onnx("pop", items, new int[5][0], prior, 1);
        UploadCheckResult result = UploadedModelCheck.standard().check(model, new HashSet<>(items));
        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("Dry run with a history of 0 item(s), k = 5, no exclusions: the score at rank")
                .endsWith("is not a finite number (NaN or infinite); scores must be finite");
    }

    @Test
    void oversizedUploadsAreRefusedBeforeBeingReadInFull() throws IOException {
        byte[] model = ourModel();
        UploadedModelCheck small = UploadedModelCheck.builder().maxBytes(1000).build();
        ModelUpload limited = new ModelUpload(registry, small, () -> catalogue);

        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("a declared oversize upload must not be read");
            }
        };
        ModelUpload.UploadedVersion declared = limited.upload("my-model", unreadable, 5_000_000, "big.onnx", "bob");
        assertThat(declared.passed()).isFalse();
        assertThat(declared.check().errors()).extracting(UploadFinding::message).containsExactly(
                "The file is 4.8 MB; uploads are limited to 0.0 MB (shelfwise.upload.max.megabytes). Reduce the "
                        + "catalogue or embedding size, or raise the limit.");

        CountingStream counting = new CountingStream(model);
        ModelUpload.UploadedVersion undeclared = limited.upload("my-model", counting, -1, "big.onnx", "bob");
        assertThat(undeclared.check().errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("The file is larger than");
        assertThat(counting.read).isEqualTo(1001);
        assertThat(registry.versions("my-model")).extracting(ModelVersion::status)
                .containsExactly(ModelVersion.Status.FAILED, ModelVersion.Status.FAILED);
        assertThat(registry.activePlacements()).isEmpty();
    }

    @Test
    void badStrategyNamesRecordNothingAndTheUploadIsNotRead() {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("an upload under a bad name must not be read");
            }
        };
        assertThatThrownBy(() -> upload.upload("../etc", unreadable, -1, "x", "eve"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A strategy name is 1 to 54 letters and "
                        + "digits with single '.', '_' or '-' between them (e.g. also-bought), was '../etc'");
        assertThatThrownBy(() -> upload.upload(" ", new ByteArrayInputStream(ourModel()), -1, "x", "eve"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Name the strategy");
        assertThat(registry.versions()).isEmpty();
    }

    private static byte[] withMetadata(OnnxMl.ModelProto model, String key, String value) {
        OnnxMl.ModelProto.Builder builder = model.toBuilder();
        for (int i = 0; i < builder.getMetadataPropsCount(); i++) {
            if (builder.getMetadataProps(i).getKey().equals(key)) {
                builder.setMetadataProps(i, builder.getMetadataProps(i).toBuilder().setValue(value));
            }
        }
        return builder.build().toByteArray();
    }

    /** Counts the bytes read from it. */
    private static final class CountingStream extends InputStream {
        private final byte[] bytes;
        int read;

        CountingStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return read < bytes.length ? bytes[read++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - read);
            System.arraycopy(bytes, read, b, off, n);
            read += n;
            return n;
        }
    }
}

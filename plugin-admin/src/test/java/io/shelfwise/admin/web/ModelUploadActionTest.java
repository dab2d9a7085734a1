package io.shelfwise.admin.web;

import io.shelfwise.admin.models.ModelsOverview;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.recommend.upload.ModelUpload;
import io.shelfwise.recommend.upload.UploadedModelCheck;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Models page's upload action on a real registry and upload check, without a servlet container. */
class ModelUploadActionTest {

    private static final long CHECK_LIMIT = 256 * 1024;

    @TempDir
    Path models;

    private JdbcModelRegistry registry;
    private List<String> products;
    private ModelsAdminController page;

    @BeforeEach
    void setUp() throws IOException {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:mem:upload-" + UUID.randomUUID());
        ds.setUser("SA");
        ds.setPassword("");
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(models), Clock.systemUTC());
        products = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            products.add(String.valueOf(100 + i));
        }
        ModelUpload upload = new ModelUpload(registry, UploadedModelCheck.builder().maxBytes(CHECK_LIMIT).build(),
                () -> new HashSet<>(products));
        page = new ModelsAdminController(registry, null, null, upload, 10_000_000);
    }

    /** A popularity model over the test catalogue, exported the way the store's own training does. */
    private byte[] validModel() {
        int[][] histories = new int[products.size()][];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = new int[] {i, (i * 7) % products.size()};
        }
        InteractionData data = InteractionData.of(histories, Collections.nCopies(products.size(), "u"), products);
        NeighbourModel model = new PopularityTrainer().train(data);
        return NeighbourGraph.export(model, TrainingProvenance.of(model, data, "upload action test",
                PopularityTrainer.class, Collections.emptyMap(), Clock.systemUTC())).toByteArray();
    }

    private static MockMultipartHttpServletRequest uploadOf(String fileName, byte[] content) {
        MockMultipartHttpServletRequest request = new MockMultipartHttpServletRequest();
        request.setMethod("POST");
        request.addFile(new MockMultipartFile(ModelsAdminController.UPLOAD_FILE, fileName,
                "application/octet-stream", content));
        return request;
    }

    private static String said(RedirectAttributesModelMap flash) {
        Object ok = flash.getFlashAttributes().get("shelfwiseSuccess");
        Object error = flash.getFlashAttributes().get("shelfwiseError");
        return ok != null ? "OK " + ok : "ERROR " + error;
    }

    @SuppressWarnings("unchecked")
    private static List<String> findings(RedirectAttributesModelMap flash) {
        return (List<String>) flash.getFlashAttributes().get(ModelsAdminController.UPLOAD_FINDINGS);
    }

    @Test
    void aValidModelBecomesAReadyVersionInTheStoreUnderTheRegistrysOwnName() throws Exception {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        String view = page.upload(" my-model ", uploadOf("../../outside/evil.onnx", validModel()), flash);

        assertThat(view).isEqualTo("redirect:/shelfwise/models");
        assertThat(said(flash)).startsWith("OK Uploaded my-model@1: it passed validation (30 products) and is READY")
                .contains("activate it").contains("until its chain names it");
        assertThat(findings(flash)).anyMatch(f -> f.startsWith("NOTE: Dry run"));
        ModelVersion version = registry.versions().get(0);
        assertThat(version.status()).isEqualTo(ModelVersion.Status.READY);
        assertThat(version.settingsJson()).contains("../../outside/evil.onnx");
        assertThat(registry.activePlacements()).isEmpty();
        // the client's file name is text: the bytes are in the store under the registry's name, nowhere else
        try (Stream<Path> files = Files.list(models)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("my-model-v1.onnx");
        }
        assertThat(Files.exists(models.resolve("../../outside"))).isFalse();
        // the page says where the version came from
        ModelsOverview overview = ModelsOverview.read(registry, Collections.emptyList(), Collections.emptyList());
        assertThat(overview.getStrategies().get(0).getVersions().get(0).getUploadedFrom())
                .isEqualTo("uploaded by unknown, ../../outside/evil.onnx");
    }

    @Test
    void anUploadUnderAStrategyTheStoreTrainsSaysTrainingWillReplaceIt() throws Exception {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        page.upload("trending", uploadOf("trending.onnx", validModel()), flash);

        assertThat(said(flash)).startsWith("OK Uploaded trending@1")
                .contains("The store trains trending itself: its next scheduled training");
        flash = new RedirectAttributesModelMap();
        page.upload("content", uploadOf("content.onnx", validModel()), flash);
        assertThat(said(flash)).contains("The store trains content itself");
    }

    @Test
    void randomBytesAreRecordedFailedWithTheFindingsAndCannotBeActivated() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        page.upload("my-model", uploadOf("model.onnx", noise), flash);

        assertThat(said(flash)).startsWith("ERROR The upload failed validation (1 problem, listed below): it is "
                + "recorded as my-model@1, FAILED, and can never be activated");
        assertThat(findings(flash)).first().asString()
                .startsWith("ERROR: ONNX Runtime cannot read the file as an ONNX model");
        ModelVersion failed = registry.versions().get(0);
        assertThat(failed.status()).isEqualTo(ModelVersion.Status.FAILED);

        RedirectAttributesModelMap activation = new RedirectAttributesModelMap();
        page.activate(failed.id(), null, activation);
        assertThat(said(activation)).startsWith("ERROR my-model@1 cannot be activated: it is FAILED (Upload failed "
                + "validation");
        assertThat(registry.activePlacements()).isEmpty();
        try (Stream<Path> files = Files.list(models)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void aFileOverTheChecksLimitIsRefusedUnreadAndRecordedFailed() throws Exception {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        page.upload("my-model", uploadOf("big.onnx", new byte[(int) CHECK_LIMIT + 1]), flash);

        assertThat(said(flash)).startsWith("ERROR The upload failed validation");
        assertThat(findings(flash)).first().asString().contains("uploads are limited to 0.3 MB");
        assertThat(registry.versions().get(0).status()).isEqualTo(ModelVersion.Status.FAILED);
    }

    @Test
    void noFileOrAnEmptyOneOrABadNameIsRefusedAndNothingIsRecorded() throws Exception {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        page.upload("my-model", new MockHttpServletRequest("POST", "/shelfwise/models/upload"), flash);
        assertThat(said(flash)).startsWith("ERROR Choose the .onnx file to upload");

        flash = new RedirectAttributesModelMap();
        page.upload("my-model", uploadOf("", new byte[0]), flash);
        assertThat(said(flash)).startsWith("ERROR Choose the .onnx file to upload");

        flash = new RedirectAttributesModelMap();
        page.upload("", uploadOf("model.onnx", validModel()), flash);
        assertThat(said(flash)).startsWith("ERROR Name the strategy");

        flash = new RedirectAttributesModelMap();
        page.upload("../etc", uploadOf("model.onnx", validModel()), flash);
        assertThat(said(flash)).startsWith("ERROR");
        assertThat(registry.versions()).isEmpty();
    }

    @Test
    void theFormStatesTheSmallerOfTheTwoLimits() {
        ModelsAdminController limitedByRequest = new ModelsAdminController(registry, null, null,
                new ModelUpload(registry, UploadedModelCheck.standard(), () -> null), 10_000_000);
        assertThat(limitedByRequest.largestUpload()).isEqualTo(10_000_000);
        assertThat(page.largestUpload()).isEqualTo(CHECK_LIMIT);
    }
}

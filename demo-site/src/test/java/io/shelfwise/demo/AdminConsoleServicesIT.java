package io.shelfwise.demo;

import io.shelfwise.health.HealthMonitor;
import io.shelfwise.health.HealthSnapshot;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.broadleaf.BroadleafPriceCatalogue;
import io.shelfwise.price.ProductListing;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.Recommender;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.tuning.PlacementPreview;
import io.shelfwise.recommend.tuning.PlacementTuning;
import io.shelfwise.recommend.upload.ModelUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin console's engine beans in a booted store: model upload, placement tuning, health. */
class AdminConsoleServicesIT {

    private static BroadleafTestStore store;

    @BeforeAll
    static void startStore() throws Exception {
        store = BroadleafTestStore.start();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anUploadedModelOfTheStoresProductsServesATunedBlend() throws Exception {
        List<String> products = new ArrayList<>();
        for (ProductListing listing : store.bean("shelfwisePriceCatalogue", BroadleafPriceCatalogue.class).get()) {
            products.add(listing.id());
        }
        int[][] histories = new int[products.size()][];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = new int[] {i, (i * 7) % products.size(), (i * 7) % products.size()};
        }
        InteractionData data = InteractionData.of(histories, Collections.nCopies(products.size(), "u"), products);
        NeighbourModel model = new PopularityTrainer().train(data);
        byte[] onnx = NeighbourGraph.export(model, TrainingProvenance.of(model, data, "admin console test",
                PopularityTrainer.class, Collections.emptyMap(), Clock.systemUTC())).toByteArray();

        ModelUpload upload = store.bean("shelfwiseModelUpload", ModelUpload.class);
        ModelRegistry registry = store.bean("shelfwiseModelRegistry", ModelRegistry.class);
        ModelUpload.UploadedVersion ready = upload.upload("uploaded-pop", new ByteArrayInputStream(onnx),
                onnx.length, "pop.onnx", "admin");
        assertThat(ready.check().errors()).isEmpty();
        assertThat(ready.version().status()).isEqualTo(ModelVersion.Status.READY);
        ModelUpload.UploadedVersion broken = upload.upload("uploaded-pop",
                new ByteArrayInputStream(Arrays.copyOf(onnx, 100)), 100, "pop.onnx", "admin");
        assertThat(broken.version().status()).isEqualTo(ModelVersion.Status.FAILED);
        assertThatThrownBy(() -> registry.activate("uploaded-pop", broken.version().id(), "admin"))
                .isInstanceOf(IllegalStateException.class);
        registry.activate("uploaded-pop", ready.version().id(), "admin");
        store.bean("shelfwiseModelSync", io.shelfwise.recommend.training.ActiveModelSync.class).syncNow();

        PlacementTuning tuning = store.bean("shelfwisePlacementTuning", PlacementTuning.class);
        assertThat(tuning.placements()).contains(StandardPlacements.HOME_TRENDING);
        assertThat(tuning.strategies()).contains("uploaded-pop", "default", "trending");
        Placement blend = tuning.standard(StandardPlacements.HOME_TRENDING).toBuilder().clearChain()
                .thenBlend(Arrays.asList(new Placement.BlendPart("uploaded-pop", StrategyInput.NONE, 0.6),
                        new Placement.BlendPart("trending", StrategyInput.NONE, 0.4))).counts(4, 8).build();
        PlacementPreview preview = store.inRequest(() -> tuning.preview(blend, null, null, 0));
        assertThat(preview.items()).hasSize(4);
        assertThat(preview.items().get(0).modelVersion()).isEqualTo("uploaded-pop@1");
        assertThat(preview.items().get(0).reason()).isNotBlank();

        tuning.save(blend, "admin");
        Recommender recommender = store.bean("shelfwiseRecommender", Recommender.class);
        assertThat(store.inRequest(() -> recommender.recommend(RecommendationRequest
                .builder(StandardPlacements.HOME_TRENDING).build())).items()).hasSize(4);
        assertThat(tuning.served(StandardPlacements.HOME_TRENDING).chain().get(0).isBlend()).isTrue();
        assertThat(tuning.reset(StandardPlacements.HOME_TRENDING, "admin")).isTrue();
        assertThat(tuning.served(StandardPlacements.HOME_TRENDING).chain().get(0).isBlend()).isFalse();

        HealthSnapshot health = store.bean("shelfwiseHealthMonitor", HealthMonitor.class).snapshot();
        assertThat(health.latencies()).extracting(HealthSnapshot.PlacementLatency::placement)
                .contains(StandardPlacements.HOME_TRENDING);
        assertThat(health.training()).extracting(HealthSnapshot.TrainingStatus::label).contains("uploaded-pop@2");
        assertThat(health.caches()).containsKeys("recommendations", "shopper-histories");
    }
}

package io.shelfwise.storefront.web;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.recommend.experiment.Arm;
import io.shelfwise.recommend.experiment.ArmAssignment;
import io.shelfwise.recommend.experiment.Experiment;
import io.shelfwise.recommend.experiment.ExperimentMetrics;
import io.shelfwise.recommend.experiment.ExperimentReport;
import io.shelfwise.recommend.experiment.ExperimentStore;
import io.shelfwise.recommend.experiment.ExperimentSync;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.storefront.RecommendationWidgets;
import org.apache.commons.dbcp.BasicDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront's JSON endpoint while an A/B experiment runs on a placement: real HSQLDB event store and registry,
 * real ONNX models, the experiment poller, the widgets and the controller as a store wires them.
 */
class ExperimentArmJsonTest {

    private static final List<String> ITEMS = Arrays.asList("101", "102", "103", "104");
    private static final String PLACEMENT = StandardPlacements.HOME_TRENDING;

    @TempDir
    Path dir;
    private BasicDataSource dataSource;
    private EventCapture capture;
    private ServingModels models;
    private ExperimentStore experiments;
    private ExperimentSync sync;
    private ModelRegistry registry;
    private RecommendationsApiController controller;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new BasicDataSource();
        dataSource.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
        dataSource.setUrl("jdbc:hsqldb:mem:ab" + UUID.randomUUID().toString().replace("-", "") + ";shutdown=true");
        dataSource.setUsername("SA");
        capture = new EventCapture(dataSource, Clock.systemUTC(), new SimpleMeterRegistry(), 1000, 100, 10);
        capture.start();
        registry = new JdbcModelRegistry(dataSource, new ModelArtifactStore(dir), Clock.systemUTC());
        ModelVersion control = ready("trending", 4, 3, 2, 1); // 101 first
        models = new ServingModels();
        models.activate("trending", control.label(), Files.readAllBytes(registry.artifactPath(control)));
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 100,
                Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        OnnxRecommender recommender = OnnxRecommender.builder(models, activity, new Shop())
                .placements(StandardPlacements.all()).build();
        experiments = new ExperimentStore(dataSource, registry, recommender::placements, Clock.systemUTC());
        sync = new ExperimentSync(experiments, registry, recommender);
        RecommendationWidgets widgets = new RecommendationWidgets(recommender, new Shop(), null, "/cart/add",
                request -> request.getParameter("as") == null ? null
                        : ShopperKey.customer(Long.parseLong(request.getParameter("as"))),
                Collections::<String>emptyList);
        controller = new RecommendationsApiController(widgets, capture);
    }

    @AfterEach
    void tearDown() throws Exception {
        sync.close();
        models.close();
        capture.close();
        dataSource.close();
    }

    @Test
    void theJsonNamesTheShoppersArmWhileAnExperimentRunsAndBeaconsCarryItIntoTheFigures() throws Exception {
        assertThat(json(7L)).contains("\"arm\":null");
        ModelVersion v2 = ready("trending", 1, 2, 3, 4); // 104 first
        Experiment e = experiments.create("trending v2", PLACEMENT, Arrays.asList(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).version(v2.id()).build()), "alice");
        experiments.start(e.id(), "alice");
        sync.start(Duration.ofHours(1));
        long inA = firstIn(e, "A");
        long inB = firstIn(e, "B");
        assertThat(json(inA)).contains("\"arm\":\"A\"", "\"modelVersion\":\"trending@1\"")
                .containsPattern("\"items\":\\[\\{\"id\":\"101\"");
        String b = json(inB);
        assertThat(b).contains("\"arm\":\"B\"", "\"modelVersion\":\"trending@2\"")
                .containsPattern("\"items\":\\[\\{\"id\":\"104\"");
        // anonymous shoppers are not in the test
        assertThat(json(null)).contains("\"arm\":null");

        // the beacons the script sends back with the arm land in the arm's figures
        beacon(inB, "impression", "items", "104,103", "versions", "trending@2,trending@2");
        beacon(inB, "click", "item", "104", "version", "trending@2");
        beacon(inA, "impression", "items", "101", "versions", "trending@1");
        capture.close();
        ExperimentReport report = new ExperimentMetrics(dataSource, Clock.systemUTC())
                .report(experiments.get(e.id()).get());
        assertThat(report.arm("B").impressions()).isEqualTo(2);
        assertThat(report.arm("B").clicks()).isEqualTo(1);
        assertThat(report.arm("A").impressions()).isEqualTo(1);
        assertThat(report.verdict().significant()).isFalse();

        experiments.stop(e.id(), "alice");
        sync.syncNow();
        assertThat(json(inB)).contains("\"arm\":null", "\"modelVersion\":\"trending@1\"");
    }

    private String json(Long customer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shelfwise/api/recommendations");
        request.setParameter("placement", PLACEMENT);
        if (customer != null) {
            request.setParameter("as", String.valueOf(customer));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.recommendations(request, response);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private void beacon(long customer, String type, String... parameters) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/shelfwise/api/events");
        request.setParameter("as", String.valueOf(customer));
        request.setParameter("type", type);
        request.setParameter("placement", PLACEMENT);
        String arm = ArmAssignment.arm(experiments.running().get(PLACEMENT), ShopperKey.customer(customer)).name();
        request.setParameter("arm", arm);
        for (int i = 0; i < parameters.length; i += 2) {
            request.setParameter(parameters[i], parameters[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.events(request, response);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(204);
    }

    private static long firstIn(Experiment e, String arm) {
        for (long id = 1; ; id++) {
            if (ArmAssignment.arm(e, ShopperKey.customer(id)).name().equals(arm)) {
                return id;
            }
        }
    }

    private ModelVersion ready(String strategy, float... prior) throws Exception {
        float[][] weights = new float[ITEMS.size()][0];
        NeighbourModel model = new NeighbourModel(strategy, ITEMS, new int[ITEMS.size()][0], weights, prior, 1);
        InteractionData data = InteractionData.of(new int[][] {{0}}, Collections.singletonList("u"), ITEMS);
        byte[] onnx = NeighbourGraph.export(model, TrainingProvenance.of(model, data, "test", NeighbourModel.class,
                Collections.<String, Object>emptyMap(), Clock.systemUTC())).toByteArray();
        ModelVersion started = registry.startTraining(strategy, null);
        return registry.completeTraining(started.id(), onnx, TrainingSummary.empty());
    }

    private static final class Shop implements Catalogue {
        @Override
        public CatalogueItem item(String id) {
            return new CatalogueItem(id, "Item " + id, Collections.singletonList("c" + id), BigDecimal.TEN, true,
                    true, "/item/" + id, null);
        }

        @Override
        public String categoryName(String categoryId) {
            return categoryId;
        }
    }
}

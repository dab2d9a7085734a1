package io.shelfwise.storefront.web;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.Names;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beacons name placements, model versions and arms by the one rule of {@link Names}: a name the registry accepts
 * for an uploaded model is recorded, and a name the event store could not hold is a 400, never a server error.
 * Real capture pipeline into an in-memory HSQLDB event store.
 */
class BeaconNamesTest {

    private static final long SHOPPER = 42;

    private BasicDataSource dataSource;
    private EventCapture capture;
    private ServingModels models;
    private RecommendationsApiController controller;

    @BeforeEach
    void setUp() {
        dataSource = new BasicDataSource();
        dataSource.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
        dataSource.setUrl("jdbc:hsqldb:mem:beacon" + UUID.randomUUID().toString().replace("-", "") + ";shutdown=true");
        dataSource.setUsername("SA");
        capture = new EventCapture(dataSource, Clock.systemUTC(), new SimpleMeterRegistry(), 1000, 100, 10);
        capture.start();
        models = new ServingModels();
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 100,
                Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        Catalogue shop = new Catalogue() {
            @Override
            public CatalogueItem item(String id) {
                return new CatalogueItem(id, "Item " + id, Collections.singletonList("c"), BigDecimal.TEN, true, true,
                        "/item/" + id, null);
            }

            @Override
            public String categoryName(String categoryId) {
                return categoryId;
            }
        };
        OnnxRecommender recommender = OnnxRecommender.builder(models, activity, shop)
                .placements(StandardPlacements.all()).build();
        RecommendationWidgets widgets = new RecommendationWidgets(recommender, shop, null, "/cart/add",
                request -> ShopperKey.customer(SHOPPER), Collections::<String>emptyList);
        controller = new RecommendationsApiController(widgets, capture);
    }

    @AfterEach
    void tearDown() throws Exception {
        models.close();
        capture.close();
        dataSource.close();
    }

    @Test
    void clicksOnAnUploadedModelWithAnUpperCaseNameAreRecorded() throws Exception {
        // the registry takes "MyModel" for an upload; its clicks used to be refused by the beacon's own pattern
        Names.strategy("MyModel");
        MockHttpServletResponse click = beacon("type", "click", "placement", StandardPlacements.HOME_TRENDING,
                "item", "14", "version", "MyModel@1", "arm", "B");
        MockHttpServletResponse impression = beacon("type", "impression", "placement",
                StandardPlacements.HOME_TRENDING, "items", "14,15", "versions", "MyModel@1,pop@2");

        assertThat(click.getStatus()).as(click.getContentAsString()).isEqualTo(204);
        assertThat(impression.getStatus()).as(impression.getContentAsString()).isEqualTo(204);
        List<String> versions = new ArrayList<>();
        for (InteractionEvent event : stored()) {
            versions.add(event.modelVersion());
        }
        assertThat(versions).containsExactlyInAnyOrder("MyModel@1", "MyModel@1", "pop@2");
    }

    @Test
    void versionsLongerThanTheEventStoreHoldsAreBadRequestsNotServerErrors() throws Exception {
        // the longest strategy name the registry accepts, with the longest version number, fits an event
        String longest = repeat('s', Names.MAX_STRATEGY) + "@123456789";
        assertThat(longest).hasSize(Names.MAX_VERSION);
        assertThat(beacon("type", "click", "placement", "home-trending", "item", "14", "version", longest)
                .getStatus()).isEqualTo(204);
        // 65 to 74 characters passed the beacon's old pattern and failed in the event model with a 500
        for (int length = 65; length <= 74; length++) {
            String version = repeat('v', length - 2) + "@1";
            MockHttpServletResponse click = beacon("type", "click", "placement", "home-trending", "item", "14",
                    "version", version);
            MockHttpServletResponse impression = beacon("type", "impression", "placement", "home-trending",
                    "items", "14", "versions", version);
            assertThat(click.getStatus()).isEqualTo(400);
            assertThat(click.getContentAsString()).contains("version", "strategy@number");
            assertThat(impression.getStatus()).isEqualTo(400);
        }
        assertThat(stored()).hasSize(1);
    }

    @Test
    void placementAndArmNamesFollowTheSameRuleAsTheRegistry() throws Exception {
        assertThat(beacon("type", "click", "placement", "../etc", "item", "14", "version", "pop@1").getStatus())
                .isEqualTo(400);
        assertThat(beacon("type", "click", "placement", "home-trending", "item", "14", "version", "pop@1",
                "arm", repeat('a', Names.MAX_ARM + 1)).getStatus()).isEqualTo(400);
        assertThat(beacon("type", "click", "placement", "home-trending", "item", "14", "version", "pop@x")
                .getStatus()).isEqualTo(400);
        assertThat(stored()).isEmpty();
    }

    private MockHttpServletResponse beacon(String... parameters) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/shelfwise/api/events");
        for (int i = 0; i < parameters.length; i += 2) {
            request.setParameter(parameters[i], parameters[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        controller.events(request, response);
        return response;
    }

    private List<InteractionEvent> stored() throws InterruptedException {
        capture.close();
        List<InteractionEvent> events = new ArrayList<>();
        capture.store().export(ShopperKey.customer(SHOPPER), events::add);
        return events;
    }

    private static String repeat(char c, int times) {
        StringBuilder text = new StringBuilder(times);
        for (int i = 0; i < times; i++) {
            text.append(c);
        }
        return text.toString();
    }
}

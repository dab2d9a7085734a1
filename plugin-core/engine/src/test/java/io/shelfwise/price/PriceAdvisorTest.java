package io.shelfwise.price;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.price.train.PriceModel;
import io.shelfwise.price.train.PriceModelTest;
import io.shelfwise.price.train.PriceTraining;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceAdvisorTest {

    @TempDir
    static Path dir;
    static ModelRegistry registry;
    static ModelVersion version;
    static PriceHistory history;

    @BeforeAll
    static void trainIntoTheRegistry() throws IOException {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(dir.resolve("models")), PriceModelTest.CLOCK);
        Path file = PriceFixtures.catalogue(dir, "store.csv", 120, 5, 21000);
        history = PriceHistoryFile.read(file);
        version = new PriceTraining(registry, PriceFixtures.fastSettings(), PriceModelTest.CLOCK)
                .train(PriceTrainingSource.file(file));
    }

    private PriceAdvisor advisor(List<SaleLine> sales, AtomicLong nanos) throws Exception {
        return PriceAdvisor.builder(PriceModel.load(registry.artifactPath(version)), version.label())
                .sales(sales).cacheTtl(Duration.ofMinutes(10)).ticker(nanos::get).build();
    }

    @Test
    void trainingIsVersionedInTheRegistryUnderThePriceStrategy() {
        assertThat(version.strategy()).isEqualTo(PriceTraining.STRATEGY);
        assertThat(version.isReady()).isTrue();
        assertThat(version.metricsJson()).contains("cvRmsle").contains("rejectedRows");
        assertThat(version.settingsJson()).contains("store.csv");
    }

    @Test
    void suggestionsAreCachedPerListingUntilTheyExpire() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (PriceAdvisor advisor = advisor(history.sales(), nanos)) {
            ProductListing mug = ProductListing.of("21001", "LARGE RED MUG", null, new BigDecimal("4.00"));
            PriceSuggestion first = advisor.suggest(mug);
            assertThat(advisor.suggest(ProductListing.of("21001", "LARGE RED MUG", null, new BigDecimal("4.0"))))
                    .isSameAs(first);
            assertThat(advisor.suggest(ProductListing.of("21001", "LARGE RED MUG", null, new BigDecimal("4.10"))))
                    .isNotSameAs(first);
            nanos.addAndGet(TimeUnit.MINUTES.toNanos(11));
            assertThat(advisor.suggest(mug)).isNotSameAs(first);
            assertThat(first.modelVersion()).isEqualTo(version.label());
            assertThat(first.suggestedPrice()).isPositive();
            assertThat(first.currentPrice()).isEqualByComparingTo("4.00");
        }
    }

    @Test
    void demandIsEstimatedOnlyWithThreeOrMorePricePoints() throws Exception {
        List<SaleLine> sales = new ArrayList<>();
        // Product P: elastic, sold at 3 prices; product Q: 2 prices only.
        double[][] points = {{2.0, 100}, {2.5, 70}, {3.0, 50}};
        for (double[] p : points) {
            for (int i = 0; i < 5; i++) {
                sales.add(new SaleLine("21002", "o" + sales.size(), (int) p[1] / 5, p[0]));
            }
        }
        sales.add(new SaleLine("21003", "q1", 5, 2.0));
        sales.add(new SaleLine("21003", "q2", 5, 2.2));
        try (PriceAdvisor advisor = advisor(sales, new AtomicLong())) {
            PriceSuggestion p = advisor.suggest(ProductListing.of("21002", "LARGE BLUE CANDLE", null,
                    new BigDecimal("2.50")));
            assertThat(p.demand().status()).isEqualTo(DemandEstimate.Status.ESTIMATED);
            assertThat(p.demand().elasticity()).isBetween(-3.0, -0.5);
            if (p.suggestedPrice().compareTo(new BigDecimal("2.50")) > 0) {
                assertThat(p.demand().unitsAtSuggested()).isLessThan(p.demand().unitsAtCurrent());
            } else {
                assertThat(p.demand().unitsAtSuggested()).isGreaterThanOrEqualTo(p.demand().unitsAtCurrent());
            }
            PriceSuggestion q = advisor.suggest(ProductListing.of("21003", "SMALL PINK TIN", null,
                    new BigDecimal("2.10")));
            assertThat(q.demand().status()).isEqualTo(DemandEstimate.Status.TOO_LITTLE_PRICE_VARIATION);
            assertThat(q.demand().message()).contains("too little price variation to estimate")
                    .contains("2 distinct prices");
            assertThat(Double.isNaN(q.demand().unitsAtSuggested())).isTrue();
            PriceSuggestion fresh = advisor.suggest(ProductListing.of("NEW-1", "LARGE PINK LANTERN", null, null));
            assertThat(fresh.demand().status()).isEqualTo(DemandEstimate.Status.TOO_LITTLE_PRICE_VARIATION);
        }
    }

    @Test
    void demandModelShrinksThinProductsTowardsTheStoreWideElasticity() {
        List<SaleLine> sales = new ArrayList<>();
        for (int product = 0; product < 20; product++) {
            for (double price : new double[] {1.0, 1.5, 2.0, 2.5}) {
                int units = (int) Math.round(200 * Math.pow(price, -1.5));
                sales.add(new SaleLine("P" + product, null, units, price));
            }
        }
        // A thin product whose own slope is noisy and positive.
        sales.add(new SaleLine("T", null, 10, 1.00));
        sales.add(new SaleLine("T", null, 12, 1.02));
        sales.add(new SaleLine("T", null, 11, 1.04));
        DemandModel model = new DemandModel(sales);
        assertThat(model.pooledElasticity()).isBetween(-1.6, -1.3);
        DemandEstimate thin = model.estimate("T", 1.02, 1.20);
        assertThat(thin.productWeight()).isLessThan(0.5);
        assertThat(thin.elasticity()).isLessThanOrEqualTo(0.0);
        DemandEstimate own = model.estimate("P3", 1.5, 2.0);
        assertThat(own.elasticity()).isBetween(-1.6, -1.3);
        assertThat(own.unitsAtSuggested()).isLessThan(own.unitsAtCurrent());
    }

    @Test
    void builderSaysWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> PriceAdvisor.builder(null, "price@1").build()).hasMessageContaining("needs a model");
        try (PriceModel model = PriceModel.load(registry.artifactPath(version))) {
            assertThatThrownBy(() -> PriceAdvisor.builder(model, " ").build()).hasMessageContaining("version");
            assertThatThrownBy(() -> PriceAdvisor.builder(model, "price@1").cacheSize(-1).build())
                    .hasMessageContaining("cacheSize");
        }
    }
}

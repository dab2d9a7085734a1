package io.shelfwise.admin.models;

import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.StrategyInput;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ModelsOverviewTest {

    @TempDir
    Path models;

    private JdbcModelRegistry registry;

    @BeforeEach
    void registry() throws Exception {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:mem:overview-" + UUID.randomUUID());
        ds.setUser("SA");
        ds.setPassword("");
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(models), java.time.Clock.systemUTC());
    }

    private ModelVersion ready(String strategy, double hr) throws Exception {
        ModelVersion v = registry.startTraining(strategy, "{\"neighbours\":50}");
        return registry.completeTraining(v.id(), new byte[]{1, 2, 3}, TrainingSummary.builder()
                .metricsJson("{\"HR@10\":" + hr + ",\"NDCG@10\":" + hr / 2 + ",\"Coverage@10\":0.4,\"users\":120,"
                        + "\"interactions\":900,\"settings\":{\"neighbours\":50}}")
                .provenanceJson("{\"class-name\":\"io.shelfwise.Trainer\",\"tribuo-version\":\"4.3.2\"}")
                .dataWindow(Instant.parse("2011-01-01T00:00:00Z"), Instant.parse("2011-12-01T00:00:00Z"))
                .trainSeconds(1.5).itemCount(300).build());
    }

    @Test
    void versionsSideBySideWithWhatServesEachPlacementStep() throws Exception {
        ModelVersion first = ready("also-bought", 0.05);
        ModelVersion second = ready("also-bought", 0.07);
        ModelVersion running = registry.startTraining("also-bought", null);
        registry.reportProgress(running.id(), 0.4, "tuning neighbours");
        ModelVersion failed = registry.startTraining("pop", null);
        registry.failTraining(failed.id(), "too little history");
        ModelVersion own = ready("pop", 0.02);
        registry.activate("also-bought", first.id(), "test");
        registry.activate("also-bought", second.id(), "test");
        registry.activate("pdp-also-bought.pop", own.id(), "test");

        Placement pdp = Placement.builder("pdp-also-bought").then("also-bought", StrategyInput.CONTEXT_ITEMS)
                .then("pop", StrategyInput.NONE).build();
        ModelsOverview overview = ModelsOverview.read(registry, Collections.singletonList(pdp),
                Arrays.asList("default", "also-bought", "pop"));

        ModelsOverview.PlacementRow row = overview.getPlacements().get(0);
        assertThat(row.getSteps()).extracting(ModelsOverview.StepRow::getServing)
                .containsExactly("also-bought@2", own.label());
        assertThat(row.getSteps().get(1).getSlot()).isEqualTo("pdp-also-bought.pop");

        assertThat(overview.getStrategies()).extracting(ModelsOverview.StrategyRow::getName)
                .containsExactly("default", "also-bought", "pop");
        ModelsOverview.StrategyRow alsoBought = overview.getStrategies().get(1);
        assertThat(alsoBought.getActive()).isEqualTo("also-bought@2");
        assertThat(alsoBought.isCanRollBack()).isTrue();
        assertThat(alsoBought.getVersions()).extracting(ModelsOverview.VersionRow::getLabel)
                .containsExactly("also-bought@3", "also-bought@2", "also-bought@1");
        ModelsOverview.VersionRow live = alsoBought.getVersions().get(1);
        assertThat(live.isActive()).isTrue();
        assertThat(live.getHitRate()).isEqualTo(0.07);
        assertThat(live.getMetrics()).containsEntry("users", 120).doesNotContainKey("settings");
        assertThat(live.getSettings()).contains("neighbours");
        assertThat(live.getProvenance()).contains("tribuo-version=4.3.2");
        assertThat(alsoBought.getVersions().get(0).isTraining()).isTrue();
        assertThat(alsoBought.getVersions().get(0).getProgressPercent()).isEqualTo(40);
        assertThat(overview.isTraining()).isTrue();
        // the chart runs oldest to newest over READY versions only
        assertThat(alsoBought.getChartJson()).isEqualTo("[[\"also-bought@1\",0.05,0.025,0.4],"
                + "[\"also-bought@2\",0.07,0.035,0.4]]");

        ModelsOverview.StrategyRow pop = overview.getStrategies().get(2);
        assertThat(pop.getActive()).isNull();
        assertThat(pop.getVersions().get(1).getStatus()).isEqualTo("FAILED");
        assertThat(pop.getVersions().get(1).getMessage()).isEqualTo("too little history");
        assertThat(overview.getStrategies().get(0).getVersions()).isEmpty();
    }
}

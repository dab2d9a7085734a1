package io.shelfwise.price.review;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.price.PriceFixtures;
import io.shelfwise.price.PriceTrainingSource;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class PriceReviewRunTest {

    @TempDir
    Path dir;

    private JdbcModelRegistry registry;
    private PriceSuggestions suggestions;

    @BeforeEach
    void stores() throws IOException {
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(dir.resolve("models")), Clock.systemUTC());
        suggestions = new PriceSuggestions(ds, Clock.systemUTC());
    }

    @Test
    void recordsPendingSuggestionsOnceAndNeverAppliesThem() throws IOException {
        Path file = PriceFixtures.catalogue(dir, "train.csv", 160, 7, 10000);
        PriceReviewRun run = new PriceReviewRun(registry, suggestions, PriceTrainingSource.file(file),
                PriceFixtures.fastSettings(), Clock.systemUTC());

        PriceReviewRun.Status first = run.runNow("alice");

        assertThat(first.getState()).isEqualTo(PriceReviewRun.State.DONE);
        assertThat(first.getAsked()).isEqualTo(160);
        assertThat(first.getRecorded()).isPositive();
        List<StoredPriceSuggestion> pending = suggestions.list(StoredPriceSuggestion.Status.PENDING, null, 10_000);
        assertThat(pending).hasSize(first.getRecorded())
                .allSatisfy(s -> assertThat(s.suggestedPrice().signum()).isPositive());
        assertThat(registry.versions("price")).singleElement().extracting(ModelVersion::isReady).isEqualTo(true);
        assertThat(suggestions.list(StoredPriceSuggestion.Status.APPLIED, null, 10)).isEmpty();

        // a product that already waits for review is not suggested again
        PriceReviewRun.Status second = run.runNow("bob");
        assertThat(second.getState()).isEqualTo(PriceReviewRun.State.DONE);
        assertThat(suggestions.list(StoredPriceSuggestion.Status.PENDING, null, 10_000)).hasSize(
                first.getRecorded() + second.getRecorded());
        assertThat(pending).extracting(StoredPriceSuggestion::productId).doesNotHaveDuplicates();
        assertThat(second.getRecorded()).isLessThanOrEqualTo(160 - first.getRecorded());
        run.close();
    }

    @Test
    void aBrokenSourceFailsTheRunWithItsReasonAndRecordsNothing() {
        PriceReviewRun run = new PriceReviewRun(registry, suggestions,
                PriceTrainingSource.file(dir.resolve("missing.csv")), PriceFixtures.fastSettings(),
                Clock.systemUTC());

        PriceReviewRun.Status status = run.runNow("alice");

        assertThat(status.getState()).isEqualTo(PriceReviewRun.State.FAILED);
        assertThat(status.getMessage()).contains("missing.csv");
        assertThat(suggestions.list(null, null, 10)).isEmpty();
        run.close();
    }
}

package io.shelfwise.recommend.onnx;

import ai.onnxruntime.OrtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link RankingModel} promises, whatever made it (neighbour export, sequence export, an upload without
 * provenance): a kind's test extends this class and says how to load one model of that kind. The catalogue must
 * hold at least 10 items. Shared with other modules through the engine's test-jar.
 */
public abstract class RankingModelContract {

    private RankingModel model;

    /** A fresh model of the kind under test; closed after each test. */
    protected abstract RankingModel load() throws Exception;

    /** A history the model can rank for (catalogue indices, oldest first). */
    protected int[] history() {
        return new int[] {0, 3, 5};
    }

    @BeforeEach
    void loadModel() throws Exception {
        model = load();
        assertThat(model.itemIds()).as("a conformance model needs a catalogue of 10 or more").hasSizeGreaterThan(9);
    }

    @AfterEach
    void closeModel() {
        model.close();
    }

    @Test
    void ranksAtMostKDistinctCatalogueItemsBestFirst() throws OrtException {
        RankedItems ranked = model.rank(history(), new int[0], 5);
        assertThat(ranked.size()).isBetween(1, 5);
        Set<Integer> seen = new HashSet<>();
        for (int r = 0; r < ranked.size(); r++) {
            assertThat(ranked.item(r)).isBetween(0, model.itemIds().size() - 1);
            assertThat(seen.add(ranked.item(r))).as("item at rank %d is repeated", r).isTrue();
            assertThat(Float.isNaN(ranked.score(r))).isFalse();
            if (r > 0) {
                assertThat(ranked.score(r)).isLessThanOrEqualTo(ranked.score(r - 1));
            }
        }
    }

    @Test
    void neverReturnsAnExcludedItem() throws OrtException {
        RankedItems first = model.rank(history(), new int[0], 3);
        int[] exclude = {first.item(0), first.item(1)};
        RankedItems again = model.rank(history(), exclude, 10);
        assertThat(items(again)).doesNotContain(exclude[0], exclude[1]).isNotEmpty();
    }

    @Test
    void excludingTheWholeCatalogueLeavesNothing() throws OrtException {
        int[] all = new int[model.itemIds().size()];
        Arrays.setAll(all, i -> i);
        assertThat(model.rank(history(), all, 5).size()).isZero();
    }

    @Test
    void askingForMoreThanTheCatalogueGivesAtMostTheCatalogue() throws OrtException {
        int n = model.itemIds().size();
        RankedItems ranked = model.rank(history(), new int[] {1}, n + 25);
        assertThat(ranked.size()).isLessThanOrEqualTo(n - 1);
        assertThat(items(ranked)).doesNotContain(1).doesNotHaveDuplicates();
    }

    @Test
    void anEmptyHistoryIsAnswered() throws OrtException {
        RankedItems ranked = model.rank(new int[0], new int[0], 4);
        assertThat(ranked.size()).isLessThanOrEqualTo(4);
        assertThat(items(ranked)).doesNotHaveDuplicates();
    }

    @Test
    void indicesOutsideTheCatalogueAreRefused() {
        int n = model.itemIds().size();
        assertThatThrownBy(() -> model.rank(new int[] {0, n}, new int[0], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.rank(new int[] {-1}, new int[0], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.rank(history(), new int[] {n + 7}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemIdsAndIndicesRoundTrip() {
        List<String> ids = model.itemIds();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(model.indexOf(ids.get(i))).isEqualTo(i);
        }
        assertThat(model.indexOf("no-such-item")).isEqualTo(-1);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void sourcesArePositionsInTheHistoryOrUnknown() throws OrtException {
        RankedItems ranked = model.rank(history(), new int[0], 5);
        for (int r = 0; r < ranked.size(); r++) {
            if (model.attributesToHistory()) {
                assertThat(ranked.source(r)).as("source of rank %d", r).isBetween(-1, history().length - 1);
            } else {
                assertThat(ranked.source(r)).as("source of rank %d", r).isEqualTo(-1);
            }
        }
    }

    @Test
    void theSameQuestionGetsTheSameAnswerFromManyThreadsAtOnce() throws Exception {
        List<Integer> expected = items(model.rank(history(), new int[] {2}, 6));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Integer>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> items(model.rank(history(), new int[] {2}, 6)));
            }
            for (Future<List<Integer>> answer : pool.invokeAll(calls)) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describesItself() {
        assertThat(model.strategy()).isNotBlank();
        assertThat(model.artifactBytes()).isPositive();
    }

    private static List<Integer> items(RankedItems ranked) {
        List<Integer> items = new ArrayList<>();
        for (int r = 0; r < ranked.size(); r++) {
            items.add(ranked.item(r));
        }
        return items;
    }
}

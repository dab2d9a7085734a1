package io.shelfwise.recommend.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticInteractionsTest {

    private static final SyntheticInteractions SMALL = SyntheticInteractions.builder()
            .interactions(50_000).items(2_000).meanHistory(10).seed(7).build();

    @Test
    void hasExactlyTheRequestedInteractionsAndAboutTheExpectedShoppers() {
        InteractionData data = SMALL.generate();

        assertThat(data.size()).isEqualTo(50_000);
        assertThat(data.numItems()).isEqualTo(2_000);
        assertThat(data.numUsers()).isBetween(4_000, 6_000);
        assertThat(data.hasTimes()).isTrue();
        for (int u = 0; u < data.numUsers(); u++) {
            assertThat(data.sequence(u)).isNotEmpty();
            assertThat(data.times(u)).hasSameSizeAs(data.sequence(u));
        }
        assertThat(data.itemId(0)).isEqualTo("1");
        assertThat(data.userId(data.numUsers() - 1)).isEqualTo("u" + data.numUsers());
    }

    @Test
    void itemIdsStayInTheCatalogueAndTimesIncreaseInsideTheSpan() {
        long start = 1_700_000_000L;
        long span = 30L * 24 * 3600;
        InteractionData data = SyntheticInteractions.builder().interactions(20_000).items(500).timeSpan(start, span)
                .seed(3).build().generate();

        for (int u = 0; u < data.numUsers(); u++) {
            int[] items = data.sequence(u);
            long[] times = data.times(u);
            for (int p = 0; p < items.length; p++) {
                assertThat(items[p]).isBetween(0, 499);
                assertThat(times[p]).isBetween(start, start + span - 1);
                if (p > 0) {
                    assertThat(times[p]).isGreaterThan(times[p - 1]);
                }
            }
        }
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        InteractionData a = SMALL.generate();
        InteractionData b = SMALL.generate(new Random(7));
        InteractionData c = SMALL.generate(new Random(8));

        assertThat(sequences(b)).isDeepEqualTo(sequences(a));
        for (int u = 0; u < a.numUsers(); u++) {
            assertThat(b.times(u)).isEqualTo(a.times(u));
        }
        assertThat(Arrays.deepEquals(sequences(c), sequences(a))).isFalse();
    }

    @Test
    void popularityIsSkewedLikeAPowerLaw() {
        InteractionData data = SMALL.generate();
        int[] counts = new int[data.numItems()];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : data.sequence(u)) {
                counts[item]++;
            }
        }
        Arrays.sort(counts);
        long top1Percent = 0;
        for (int x = counts.length - counts.length / 100; x < counts.length; x++) {
            top1Percent += counts[x];
        }

        // Zipf 0.8 over 2,000 items gives the top 20 items about a fifth of the draws; uniform would give 1%
        assertThat(top1Percent).isGreaterThan(data.size() / 10);
        assertThat(counts[counts.length - 1]).isGreaterThan(50 * Math.max(1, counts[counts.length / 2]));
        InteractionData flat = SyntheticInteractions.builder().interactions(50_000).items(2_000).zipfExponent(0)
                .seed(7).build().generate();
        assertThat(maxCount(flat) * 5).isLessThan(counts[counts.length - 1]);
    }

    @Test
    void historiesFollowItemsAndCategoriesMoreThanChance() {
        InteractionData data = SMALL.generate();
        Random shuffle = new Random(1);
        int[][] shuffled = new int[data.numUsers()][];
        for (int u = 0; u < data.numUsers(); u++) {
            shuffled[u] = data.sequence(u).clone();
        }
        // the same items, pooled and dealt out again at random: popularity kept, order and categories lost
        int[] pool = Arrays.stream(shuffled).flatMapToInt(Arrays::stream).toArray();
        for (int i = pool.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int next = 0;
        for (int[] sequence : shuffled) {
            for (int p = 0; p < sequence.length; p++) {
                sequence[p] = pool[next++];
            }
        }

        // about 30% against 6% with seed 7
        assertThat(shareInRecurringPairs(sequences(data))).isGreaterThan(3 * shareInRecurringPairs(shuffled));
    }

    @Test
    void settingsAreCheckedWithWhatToFix() {
        assertThatThrownBy(() -> SyntheticInteractions.builder().items(0)).hasMessageContaining("items must be");
        assertThatThrownBy(() -> SyntheticInteractions.builder().transitions(0.5, 0.5, 0.5))
                .hasMessageContaining("sum to at most 1");
        assertThatThrownBy(() -> SyntheticInteractions.builder().maxHistory(100).timeSpan(0, 50).build())
                .hasMessageContaining("spanSeconds");
    }

    private static int[][] sequences(InteractionData data) {
        int[][] sequences = new int[data.numUsers()][];
        for (int u = 0; u < data.numUsers(); u++) {
            sequences[u] = data.sequence(u);
        }
        return sequences;
    }

    private static int maxCount(InteractionData data) {
        int[] counts = new int[data.numItems()];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : data.sequence(u)) {
                counts[item]++;
            }
        }
        return Arrays.stream(counts).max().getAsInt();
    }

    /** The share of consecutive pairs (i then j) whose pair occurs at least 3 times in all. */
    private static double shareInRecurringPairs(int[][] sequences) {
        Map<Long, Integer> pairs = new HashMap<>();
        long total = 0;
        for (int[] sequence : sequences) {
            for (int p = 1; p < sequence.length; p++) {
                pairs.merge((long) sequence[p - 1] << 32 | sequence[p], 1, Integer::sum);
                total++;
            }
        }
        long recurring = 0;
        for (int count : pairs.values()) {
            if (count >= 3) {
                recurring += count;
            }
        }
        return (double) recurring / total;
    }
}

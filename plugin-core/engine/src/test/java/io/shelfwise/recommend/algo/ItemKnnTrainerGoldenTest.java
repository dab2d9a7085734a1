package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what {@link ItemKnnTrainer#train} produces (neighbour ids, weight bits, prior) so that speed-ups of the
 * trainer are proven not to change a single neighbour or weight. The expected values were recorded from the
 * trainer before it was optimised; if a deliberate change of behaviour breaks them, record them again.
 */
class ItemKnnTrainerGoldenTest {

    private static final InteractionData DATA = randomHistories(new Random(20261124L), 300, 60);

    @Test
    void defaultConfigurationTrainsToTheRecordedNeighbours() throws Exception {
        NeighbourModel model = new ItemKnnTrainer("default", 200, 0.85, 0, 0.35, 4, 3, 1e-3).train(DATA);
        assertThat(fingerprint(model)).isEqualTo("86d222fbe4b44f4483e712a686a85a2bf7eeddefb9078c7f2aef9f4be3e080e0");
    }

    @Test
    void shortListsKeepTheRecordedStrongestNeighbours() throws Exception {
        NeighbourModel model = new ItemKnnTrainer("default", 4, 0.85, 0, 0.35, 4, 3).train(DATA);
        assertThat(model.neighbourIds(0)).containsExactly(1, 3, 4, 2);
        assertThat(model.neighbourWeights(0)).containsExactly(1.3519127f, 1.0387014f, 0.9723382f, 0.9438877f);
        assertThat(model.neighbourIds(1)).containsExactly(0, 2, 3, 4);
        assertThat(model.neighbourWeights(1)).containsExactly(1.7797871f, 0.8956093f, 0.8146638f, 0.69901216f);
        assertThat(model.neighbourIds(2)).containsExactly(0, 1, 5, 3);
        assertThat(model.neighbourWeights(2)).containsExactly(1.8940811f, 0.9537269f, 0.7313895f, 0.6967087f);
        assertThat(fingerprint(new ItemKnnTrainer("default", 5, 0.85, 0, 0.35, 4, 3).train(DATA)))
                .isEqualTo("7b975078f3d07894dfde8d669d4e231acb9855701c7d2670bc8230b7d22698af");
    }

    @Test
    void cosineAndShrunkVariantsTrainToTheRecordedNeighbours() throws Exception {
        assertThat(fingerprint(ItemKnnTrainer.cosine().train(DATA)))
                .isEqualTo("d5c76a5811528de204774c6ffa35b4705fb0c4acc2df6bb0dbf369f677591ca2");
        assertThat(fingerprint(new ItemKnnTrainer("s", 7, 0.3, 2.5, 1, 0.5, 2).train(DATA)))
                .isEqualTo("2f3c0983c4b7d952095b547113e180be924ddd98d8d1e432243e3275c052a9a0");
    }

    @Test
    void rankKeysOrderLikeTheFormerComparator() {
        float[] sims = {0.5f, 0.5f, -0.0f, 0.0f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, -Float.MIN_VALUE, 3e-5f, 1.25f, 0.5f};
        Integer[] byComparator = new Integer[sims.length];
        Long[] byKey = new Long[sims.length];
        for (int x = 0; x < sims.length; x++) {
            byComparator[x] = x;
            byKey[x] = ItemKnnTrainer.rankKey(sims[x], x);
        }
        // the order the trainer sorted by before it selected with keys: -0.0 and 0.0 tie, then ids decide
        Arrays.sort(byComparator, (a, b) -> sims[b] != sims[a] ? Float.compare(sims[b], sims[a]) : Integer.compare(a, b));
        Arrays.sort(byKey);

        for (int x = 0; x < sims.length; x++) {
            assertThat((int) (long) byKey[x]).isEqualTo(byComparator[x]);
        }
    }

    /** Histories of 1..25 items over a skewed catalogue, with repeats, so co-occurrence, order and ties all occur. */
    static InteractionData randomHistories(Random random, int users, int items) {
        int[][] sequences = new int[users][];
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int length = 1 + random.nextInt(25);
            sequences[u] = new int[length];
            for (int p = 0; p < length; p++) {
                double x = random.nextDouble();
                sequences[u][p] = (int) (items * x * x);
            }
            userIds.add("u" + u);
        }
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        return InteractionData.of(sequences, userIds, itemIds);
    }

    static String fingerprint(NeighbourModel model) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(4);
        for (int i = 0; i < model.numItems(); i++) {
            int[] ids = model.neighbourIds(i);
            float[] weights = model.neighbourWeights(i);
            update(digest, buffer, -1 - ids.length);
            for (int x = 0; x < ids.length; x++) {
                update(digest, buffer, ids[x]);
                update(digest, buffer, Float.floatToIntBits(weights[x]));
            }
            update(digest, buffer, Float.floatToIntBits(model.prior(i)));
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static void update(MessageDigest digest, ByteBuffer buffer, int value) {
        buffer.clear();
        buffer.putInt(value);
        digest.update(buffer.array());
    }
}

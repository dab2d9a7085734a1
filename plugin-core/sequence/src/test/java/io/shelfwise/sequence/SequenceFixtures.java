package io.shelfwise.sequence;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.SequenceGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Small sequence data with a learnable next-item pattern, tiny settings, and ranking shorthand. */
final class SequenceFixtures {

    static final int ITEMS = 40;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    private SequenceFixtures() {
    }

    /** Shoppers walking the catalogue: each next item is one to three steps after the last. */
    static InteractionData data(Random random, int users) {
        int[][] sequences = new int[users][];
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            sequences[u] = walk(random, 3 + random.nextInt(10), ITEMS);
            userIds.add("u" + u);
        }
        return InteractionData.of(sequences, userIds, itemIds(ITEMS));
    }

    static int[][] heldOut(Random random, int count, int items) {
        int[][] histories = new int[count][];
        for (int u = 0; u < count; u++) {
            histories[u] = walk(random, 1 + random.nextInt(14), items);
        }
        return histories;
    }

    private static int[] walk(Random random, int length, int items) {
        int[] s = new int[length];
        s[0] = random.nextInt(items);
        for (int p = 1; p < length; p++) {
            s[p] = (s[p - 1] + 1 + random.nextInt(3)) % items;
        }
        return s;
    }

    static List<String> itemIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("item-" + i);
        }
        return ids;
    }

    static SequenceSettings.Builder tiny(SequenceSettings.Builder builder) {
        return builder.dimension(16).blocks(2).maxLength(8).batchSize(32).maxEpochs(3).patience(3).dropout(0.1f)
                .learningRate(1e-2f).seed(3);
    }

    static SequenceModel train(SequenceSettings.Builder settings) {
        return new SequenceTrainer(settings.build(), line -> { }).train(data(new Random(1), 300));
    }

    static byte[] onnx(SequenceModel model) {
        InteractionData data = data(new Random(1), 300);
        return SequenceGraph.export(model, TrainingProvenance.of(model, data, "fixture", SequenceTrainer.class, CLOCK))
                .toByteArray();
    }

    /** The k best indices (ties to the lower index), leaving out {@code exclude}. */
    static int[] topK(float[] scores, int[] exclude, int k) {
        float[] s = scores.clone();
        for (int e : exclude) {
            s[e] = Float.NEGATIVE_INFINITY;
        }
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> s[a] != s[b] ? Float.compare(s[b], s[a]) : Integer.compare(a, b));
        int[] top = new int[k];
        for (int r = 0; r < k; r++) {
            top[r] = order[r];
        }
        return top;
    }
}

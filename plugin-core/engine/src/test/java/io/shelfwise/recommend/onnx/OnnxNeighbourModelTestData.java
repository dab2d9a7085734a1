package io.shelfwise.recommend.onnx;

import io.shelfwise.recommend.data.InteractionData;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test fixtures: small random histories with cluster structure. */
public final class OnnxNeighbourModelTestData {

    private OnnxNeighbourModelTestData() {
    }

    /** {@code users} histories of 1..maxLength items, each mostly within one of four item clusters. */
    public static InteractionData randomData(Random random, int users, int items, int maxLength) {
        int[][] sequences = new int[users][];
        List<String> userIds = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int length = 1 + random.nextInt(maxLength);
            sequences[u] = new int[length];
            int cluster = random.nextInt(4);
            for (int p = 0; p < length; p++) {
                sequences[u][p] = random.nextDouble() < 0.7
                        ? (cluster * items / 4 + random.nextInt(items / 4)) : random.nextInt(items);
            }
            userIds.add("u" + u);
        }
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            itemIds.add("item-" + i);
        }
        return InteractionData.of(sequences, userIds, itemIds);
    }
}

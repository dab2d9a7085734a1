package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

/** Most popular items: how many shoppers had each item. The floor any model must beat. */
public final class PopularityTrainer implements NeighbourTrainer {

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public NeighbourModel train(InteractionData data) {
        float[] counts = new float[data.numItems()];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : distinct(data.sequence(u))) {
                counts[item]++;
            }
        }
        return NeighbourModel.priorOnly(name(), data.itemIds(), counts);
    }

    static int[] distinct(int[] items) {
        return java.util.Arrays.stream(items).distinct().toArray();
    }
}

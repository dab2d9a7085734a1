package io.shelfwise.recommend;

/** Most popular items: how many shoppers had each item. The floor any model must beat. */
public final class PopularityTrainer implements ScorerTrainer {

    @Override
    public String name() {
        return "pop";
    }

    @Override
    public ItemScorer train(InteractionData data) {
        final float[] counts = new float[data.numItems()];
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : distinct(data.sequence(u))) {
                counts[item]++;
            }
        }
        return new ItemScorer() {
            @Override
            public int numItems() {
                return counts.length;
            }

            @Override
            public void score(int[] history, float[] scores) {
                for (int i = 0; i < counts.length; i++) {
                    scores[i] += counts[i];
                }
            }
        };
    }

    static int[] distinct(int[] items) {
        return java.util.Arrays.stream(items).distinct().toArray();
    }
}

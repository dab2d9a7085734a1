package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is being bought and viewed now: each interaction counts {@code 0.5^(age / halfLife)}, its age measured
 * from the latest interaction in the data (so a store that has been quiet still has a trend). Without times
 * (sequence files) the age is the number of later interactions in the same history, with a half-life of
 * {@value #HALF_LIFE_STEPS} steps. The counts are the model's prior; it has no neighbours.
 */
public final class TrendingTrainer implements NeighbourTrainer {

    static final double HALF_LIFE_STEPS = 5;

    private final Duration halfLife;

    public TrendingTrainer(Duration halfLife) {
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("The half-life must be positive, was " + halfLife);
        }
        this.halfLife = halfLife;
    }

    @Override
    public String name() {
        return "trending";
    }

    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("halfLifeHours", halfLife.toHours());
        return settings;
    }

    @Override
    public NeighbourModel train(InteractionData data) {
        float[] prior = new float[data.numItems()];
        if (data.hasTimes()) {
            long latest = Long.MIN_VALUE;
            for (int u = 0; u < data.numUsers(); u++) {
                for (long t : data.times(u)) {
                    latest = Math.max(latest, t);
                }
            }
            double halfLifeSeconds = halfLife.getSeconds();
            for (int u = 0; u < data.numUsers(); u++) {
                int[] items = data.sequence(u);
                long[] times = data.times(u);
                for (int p = 0; p < items.length; p++) {
                    prior[items[p]] += (float) Math.pow(0.5, (latest - times[p]) / halfLifeSeconds);
                }
            }
        } else {
            for (int u = 0; u < data.numUsers(); u++) {
                int[] items = data.sequence(u);
                for (int p = 0; p < items.length; p++) {
                    prior[items[p]] += (float) Math.pow(0.5, (items.length - 1 - p) / HALF_LIFE_STEPS);
                }
            }
        }
        return NeighbourModel.priorOnly(name(), data.itemIds(), prior);
    }
}

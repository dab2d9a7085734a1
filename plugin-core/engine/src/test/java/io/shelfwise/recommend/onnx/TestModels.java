package io.shelfwise.recommend.onnx;

import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;

/** Test fixtures: neighbour models as ONNX bytes, with provenance, as training would produce them. */
public final class TestModels {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);

    private TestModels() {
    }

    public static byte[] onnx(NeighbourModel model, InteractionData data, Class<?> trainer) {
        return NeighbourGraph.export(model, TrainingProvenance.of(model, data, "test data", trainer,
                Collections.singletonMap("neighbours", 7), CLOCK)).toByteArray();
    }

    /** A model over {@code items} with the given neighbour lists (weights descending from 1) and prior. */
    public static byte[] onnx(String strategy, java.util.List<String> items, int[][] neighbours, float[] prior,
                              double decay) {
        float[][] weights = new float[neighbours.length][];
        for (int i = 0; i < neighbours.length; i++) {
            weights[i] = new float[neighbours[i].length];
            for (int x = 0; x < neighbours[i].length; x++) {
                weights[i][x] = 1f / (x + 1);
            }
        }
        NeighbourModel model = new NeighbourModel(strategy, items, neighbours, weights, prior, decay);
        InteractionData data = InteractionData.of(new int[][] {{0}}, Collections.singletonList("u"), items);
        return onnx(model, data, NeighbourModel.class);
    }
}

package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

import java.util.Arrays;

/** Trains several neighbour models on the same data and blends them into one (see {@link NeighbourBlend}). */
public final class BlendedTrainer implements NeighbourTrainer {

    private final String name;
    private final NeighbourTrainer[] parts;
    private final double[] weights;
    private final int maxNeighbours;

    public BlendedTrainer(String name, NeighbourTrainer[] parts, double[] weights, int maxNeighbours) {
        if (parts.length == 0 || parts.length != weights.length) {
            throw new IllegalArgumentException("One weight per trainer is needed");
        }
        this.name = name;
        this.parts = parts.clone();
        this.weights = weights.clone();
        this.maxNeighbours = maxNeighbours;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NeighbourModel train(InteractionData data) {
        NeighbourModel[] models = new NeighbourModel[parts.length];
        for (int p = 0; p < parts.length; p++) {
            models[p] = parts[p].train(data);
        }
        return NeighbourBlend.blend(name, models, weights, maxNeighbours);
    }

    @Override
    public String toString() {
        return "BlendedTrainer[" + name + ", weights " + Arrays.toString(weights) + "]";
    }
}

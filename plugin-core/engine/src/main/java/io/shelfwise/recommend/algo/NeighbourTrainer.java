package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

/** A trainer whose models are {@link NeighbourModel}s, so they export to the same ONNX graph and serve alike. */
public interface NeighbourTrainer extends ScorerTrainer {

    @Override
    NeighbourModel train(InteractionData data);
}

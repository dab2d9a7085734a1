package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

/** Trains an {@link ItemScorer} from histories. Implementations are immutable settings; training is repeatable. */
public interface ScorerTrainer {

    /** The name a model is known by in evaluation reports and the registry. */
    String name();

    ItemScorer train(InteractionData data);
}

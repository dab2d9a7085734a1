package io.shelfwise.recommend.sequence;

import io.shelfwise.recommend.data.InteractionData;

import java.util.function.Consumer;

/**
 * Trains the model of one sequence strategy ({@code gru}, {@code sasrec}). The engine exports, measures and serves
 * what it returns; the training itself lives in the optional {@code shelfwise-sequence} module (DJL with the
 * PyTorch engine), so a store that never trains neural models carries none of it.
 *
 * <p>Implementations are repeatable (the same data and settings give the same model) and not meant to train two
 * models at once in one JVM.
 */
public interface SequenceModelTrainer {

    /** The model's name, recorded with its metrics ({@code gru} or {@code sasrec}). */
    String name();

    /** The settings the model trains with, recorded as its provenance. */
    SequenceSettings settings();

    /**
     * @param progress receives one line per epoch
     * @throws IllegalArgumentException if no history has two items
     * @throws java.util.concurrent.CancellationException if the thread is interrupted during training
     */
    SequenceModel train(InteractionData data, Consumer<String> progress);
}

package io.shelfwise.sequence;

import io.shelfwise.recommend.algo.ScorerTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceModelTrainer;
import io.shelfwise.recommend.sequence.SequenceSettings;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Trains a sequential next-item model (GRU4Rec-style or SASRec-style) in DJL with the PyTorch engine, CPU only and
 * offline. Each shopper's last item is held out as the validation target for early stopping; the rest trains.
 * Repeatable: the same data and settings give the same model (PyTorch's global seed is set from the settings, so
 * do not train two models at once in one JVM). Progress (one line per epoch) goes to the given consumer.
 *
 * <p>Interrupting the training thread stops the run at the next batch with a {@link
 * java.util.concurrent.CancellationException}; no model is returned. DJL and the PyTorch native library are
 * optional dependencies: without them {@link #train} throws an {@link IllegalStateException} saying what to add.
 */
public final class SequenceTrainer implements ScorerTrainer, SequenceModelTrainer {

    private final SequenceSettings settings;
    private final Consumer<String> progress;
    private final LongSupplier millis;

    public SequenceTrainer(SequenceSettings settings, Consumer<String> progress) {
        this(settings, progress, System::currentTimeMillis);
    }

    /** @param millis the clock the time budget and progress lines read, in milliseconds */
    public SequenceTrainer(SequenceSettings settings, Consumer<String> progress, LongSupplier millis) {
        if (settings == null || progress == null || millis == null) {
            throw new NullPointerException("settings, progress and millis are required");
        }
        this.settings = settings;
        this.progress = progress;
        this.millis = millis;
    }

    /** The {@code gru} model with its default settings. */
    public static SequenceTrainer gru(Consumer<String> progress) {
        return new SequenceTrainer(SequenceSettings.gru().build(), progress);
    }

    /** The {@code sasrec} model with its default settings. */
    public static SequenceTrainer selfAttention(Consumer<String> progress) {
        return new SequenceTrainer(SequenceSettings.selfAttention().build(), progress);
    }

    @Override
    public SequenceSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return settings.architecture().modelName();
    }

    /**
     * @throws IllegalArgumentException if no history has two items
     * @throws java.util.concurrent.CancellationException if the thread is interrupted during training
     * @throws IllegalStateException if DJL's PyTorch engine is not on the class path
     */
    @Override
    public SequenceModel train(InteractionData data) {
        return train(data, progress);
    }

    @Override
    public SequenceModel train(InteractionData data, Consumer<String> progress) {
        try {
            return new SequenceTraining(name(), settings, progress, millis).run(data);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Neural sequence training needs DJL (ai.djl:api, "
                    + "ai.djl.pytorch:pytorch-engine, pytorch-jni, pytorch-native-cpu) on the class path: " + e, e);
        }
    }
}

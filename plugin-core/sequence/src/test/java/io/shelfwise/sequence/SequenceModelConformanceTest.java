package io.shelfwise.sequence;

import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModelContract;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.sequence.SequenceSettings;
import org.junit.jupiter.api.Nested;

/** Trained sequence models, exported and loaded as a store would serve them, keep the {@link RankingModel} contract. */
class SequenceModelConformanceTest {

    private static byte[] gru;
    private static byte[] sasrec;

    private static synchronized byte[] gru() {
        if (gru == null) {
            gru = SequenceFixtures.onnx(SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru())));
        }
        return gru;
    }

    private static synchronized byte[] sasrec() {
        if (sasrec == null) {
            sasrec = SequenceFixtures.onnx(SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.selfAttention())));
        }
        return sasrec;
    }

    @Nested
    class TrainedGru extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(gru());
        }
    }

    @Nested
    class TrainedSasrec extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(sasrec());
        }
    }
}

package io.shelfwise.recommend;

import io.shelfwise.recommend.algo.DefaultModel;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModelContract;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.sequence.UntrainedSequenceModels;
import io.shelfwise.recommend.upload.CraftedModels;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of model the engine serves keeps the {@link RankingModel} contract: neighbour graphs (item-kNN,
 * popularity and {@code default}), sequence graphs (GRU and SASRec, untrained weights: the graph is what is checked), and an upload
 * that carries no provenance. The sequence module runs the same contract on trained sequence models.
 */
class RankingModelConformanceTest {

    @Nested
    class ItemKnn extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(CraftedModels.neighbour());
        }
    }

    @Nested
    class Popularity extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(5), 120, 30, 6);
            NeighbourModel pop = new PopularityTrainer().train(data);
            return RankingModels.load(TestModels.onnx(pop, data, PopularityTrainer.class));
        }
    }

    @Nested
    class Default extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(7), 150, 30, 8);
            NeighbourModel model = DefaultModel.fallback().trainer().train(data);
            return RankingModels.load(TestModels.onnx(model, data, DefaultModel.class));
        }
    }

    @Nested
    class UntrainedGru extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(UntrainedSequenceModels.gru(CraftedModels.ITEMS, 5));
        }
    }

    @Nested
    class UntrainedSasrec extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(UntrainedSequenceModels.sasrec(CraftedModels.ITEMS, 6));
        }
    }

    @Nested
    class UploadedWithoutProvenance extends RankingModelContract {
        @Override
        protected RankingModel load() throws Exception {
            return RankingModels.load(CraftedModels.withoutProvenance(CraftedModels.neighbour()));
        }

        @Test
        void hasNoProvenance() throws Exception {
            try (RankingModel model = load()) {
                assertThat(model.provenance()).isNull();
            }
        }
    }
}

package io.shelfwise.recommend.sequence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a sequential next-item model is built and trained. Immutable; {@link Builder#build()} rejects settings that
 * cannot train, saying what to change. The defaults are the ones chosen on amazon-beauty's validation targets
 * (see docs/sequential-models.md).
 */
public final class SequenceSettings {

    /** Which network reads the history. */
    public enum Architecture {
        /** GRU4Rec-style: one GRU layer over the item embeddings. */
        GRU("gru"),
        /** SASRec-style: causal self-attention blocks over item and position embeddings. */
        SELF_ATTENTION("sasrec");

        private final String modelName;

        Architecture(String modelName) {
            this.modelName = modelName;
        }

        /** The model name used by evaluation reports and strategies. */
        public String modelName() {
            return modelName;
        }
    }

    private final Architecture architecture;
    private final int dimension;
    private final int blocks;
    private final int heads;
    private final int maxLength;
    private final float dropout;
    private final float learningRate;
    private final int batchSize;
    private final int maxEpochs;
    private final int patience;
    private final long maxTrainMillis;
    private final int validationUsers;
    private final int negatives;
    private final long seed;
    private final int threads;

    private SequenceSettings(Builder b) {
        this.architecture = b.architecture;
        this.dimension = b.dimension;
        this.blocks = b.blocks;
        this.heads = b.heads;
        this.maxLength = b.maxLength;
        this.dropout = b.dropout;
        this.learningRate = b.learningRate;
        this.batchSize = b.batchSize;
        this.maxEpochs = b.maxEpochs;
        this.patience = b.patience;
        this.maxTrainMillis = b.maxTrainMillis;
        this.validationUsers = b.validationUsers;
        this.negatives = b.negatives;
        this.seed = b.seed;
        this.threads = b.threads;
    }

    /**
     * Recurrent defaults: 64 dimensions, dropout 0.3, learning rate 1e-3, early stopping after 5 epochs without a
     * better NDCG on 8,000 validation shoppers (it learns slowly and steadily, so a sample suffices and keeps its
     * many epochs inside the time budget).
     */
    public static Builder gru() {
        return new Builder(Architecture.GRU).dropout(0.3f).patience(5).validationUsers(8000);
    }

    /**
     * Self-attention defaults: 64 dimensions, 2 blocks, 1 head, dropout 0.3, learning rate 2e-3, early stopping
     * after 8 epochs without a better NDCG on every validation shopper (its validation curve is flatter and noisier;
     * a sample and a patience of 5 stopped it 10 epochs early in one run).
     */
    public static Builder selfAttention() {
        return new Builder(Architecture.SELF_ATTENTION).dropout(0.3f).learningRate(2e-3f).patience(8)
                .validationUsers(0);
    }

    public Architecture architecture() {
        return architecture;
    }

    /** Width of item embeddings and hidden states. */
    public int dimension() {
        return dimension;
    }

    /** Self-attention blocks (self-attention only). */
    public int blocks() {
        return blocks;
    }

    /** Attention heads per block (self-attention only); divides {@link #dimension()}. */
    public int heads() {
        return heads;
    }

    /** The most recent items a model reads; older ones are dropped in training and at serving. */
    public int maxLength() {
        return maxLength;
    }

    public float dropout() {
        return dropout;
    }

    public float learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    /** Epochs without a better validation NDCG before training stops. */
    public int patience() {
        return patience;
    }

    /** Wall-clock budget: no new epoch starts after it (0 means none). */
    public long maxTrainMillis() {
        return maxTrainMillis;
    }

    /** How many validation users early stopping measures, chosen by the seed (0 means all). */
    public int validationUsers() {
        return validationUsers;
    }

    /**
     * Negatives per batch for sampled-softmax cross-entropy, drawn uniformly and shared by the batch; 0 means the
     * full softmax over the catalogue.
     */
    public int negatives() {
        return negatives;
    }

    public long seed() {
        return seed;
    }

    /** PyTorch intra-op threads for training. */
    public int threads() {
        return threads;
    }

    /** The settings as a flat map, for reports and provenance. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("architecture", architecture.modelName());
        map.put("dimension", dimension);
        if (architecture == Architecture.SELF_ATTENTION) {
            map.put("blocks", blocks);
            map.put("heads", heads);
        }
        map.put("maxLength", maxLength);
        map.put("dropout", (double) dropout);
        map.put("learningRate", (double) learningRate);
        map.put("batchSize", batchSize);
        map.put("maxEpochs", maxEpochs);
        map.put("patience", patience);
        map.put("maxTrainMillis", maxTrainMillis);
        map.put("validationUsers", validationUsers);
        map.put("negatives", negatives);
        map.put("seed", seed);
        map.put("threads", threads);
        return map;
    }

    @Override
    public String toString() {
        return "SequenceSettings" + asMap();
    }

    /** Builds {@link SequenceSettings}; not thread-safe. */
    public static final class Builder {
        private final Architecture architecture;
        private int dimension = 64;
        private int blocks = 2;
        private int heads = 1;
        private int maxLength = 50;
        private float dropout = 0.3f;
        private float learningRate = 1e-3f;
        private int batchSize = 128;
        private int maxEpochs = 200;
        private int patience = 8;
        private long maxTrainMillis = 14 * 60 * 1000L;
        private int validationUsers = 0;
        private int negatives = 1024;
        private long seed = 42;
        // one thread: on a shared 2-core machine PyTorch's parallel regions wait for the slowest thread, and an
        // epoch took up to 10x longer with two threads while other work ran
        private int threads = 1;

        private Builder(Architecture architecture) {
            this.architecture = architecture;
        }

        public Builder dimension(int dimension) {
            this.dimension = dimension;
            return this;
        }

        public Builder blocks(int blocks) {
            this.blocks = blocks;
            return this;
        }

        public Builder heads(int heads) {
            this.heads = heads;
            return this;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder dropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        public Builder learningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder maxEpochs(int maxEpochs) {
            this.maxEpochs = maxEpochs;
            return this;
        }

        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        public Builder maxTrainMillis(long maxTrainMillis) {
            this.maxTrainMillis = maxTrainMillis;
            return this;
        }

        public Builder validationUsers(int validationUsers) {
            this.validationUsers = validationUsers;
            return this;
        }

        public Builder negatives(int negatives) {
            this.negatives = negatives;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public SequenceSettings build() {
            check(dimension >= 2 && dimension <= 1024, "dimension must be in 2..1024, was " + dimension);
            check(blocks >= 1 && blocks <= 8, "blocks must be in 1..8, was " + blocks);
            check(heads >= 1 && dimension % heads == 0, "heads must divide the dimension " + dimension + ", was "
                    + heads);
            check(maxLength >= 1 && maxLength <= 512, "maxLength must be in 1..512, was " + maxLength);
            check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), was " + dropout);
            check(learningRate > 0 && learningRate < 1, "learningRate must be in (0, 1), was " + learningRate);
            check(batchSize >= 1, "batchSize must be at least 1, was " + batchSize);
            check(maxEpochs >= 1, "maxEpochs must be at least 1, was " + maxEpochs);
            check(patience >= 1, "patience must be at least 1, was " + patience);
            check(maxTrainMillis >= 0, "maxTrainMillis must not be negative (0 for no budget)");
            check(validationUsers >= 0, "validationUsers must not be negative (0 for all)");
            check(negatives >= 0, "negatives must not be negative (0 for the full softmax)");
            check(threads >= 1, "threads must be at least 1, was " + threads);
            return new SequenceSettings(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}

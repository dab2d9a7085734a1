package io.shelfwise.sequence;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.shelfwise.recommend.algo.ItemScorer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;
import io.shelfwise.recommend.eval.RankingMetrics;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One training run in DJL/PyTorch: cross-entropy of the next item at every position of every history (sampled
 * softmax, or the full softmax over the catalogue, see {@link SequenceSettings#negatives()}), Adam, dropout, early
 * stopping on the validation NDCG@10 of each history's last item (full ranking), the best epoch's weights kept.
 * Everything random comes from the settings' seed.
 */
final class SequenceTraining {

    private static final int EVAL_K = 10;
    private static final int EVAL_BATCH = 1024;

    private final String name;
    private final SequenceSettings settings;
    private final Consumer<String> progress;
    private final LongSupplier millis;

    SequenceTraining(String name, SequenceSettings settings, Consumer<String> progress, LongSupplier millis) {
        this.name = name;
        this.settings = settings;
        this.progress = progress;
        this.millis = millis;
    }

    SequenceModel run(InteractionData data) {
        TorchRuntime.load(settings.threads());
        // training reads all but each shopper's last item; that item is the validation target
        LeaveOneOut.Phase phase = LeaveOneOut.test(data);
        int n = data.numItems();
        int[][] examples = examples(phase.train);
        if (examples.length == 0) {
            throw new IllegalArgumentException("No history has two items to learn a next item from; "
                    + data.numUsers() + " shoppers, " + data.size() + " interactions");
        }
        int[] validationUsers = validationUsers(phase);
        long start = millis.getAsLong();
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Random random = new Random(settings.seed());
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build();
        FullRankingEvaluator evaluator = new FullRankingEvaluator(EVAL_K, settings.threads());
        boolean gradMode = JniUtils.isGradMode();
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE)) {
            SequenceNetwork network = SequenceNetwork.create(settings, n, manager);
            SequenceModel best = null;
            double bestNdcg = -1;
            int sinceBest = 0;
            for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
                long epochStart = millis.getAsLong();
                double loss = epoch(network, adam, examples, random, epoch);
                long trained = millis.getAsLong();
                double[] metrics = validate(network, phase, validationUsers, evaluator);
                boolean better = metrics[1] > bestNdcg;
                if (better) {
                    best = network.snapshot(name, data.itemIds());
                    bestNdcg = metrics[1];
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                long now = millis.getAsLong();
                progress.accept(String.format(Locale.ROOT, "%s epoch %d: loss %.4f, validation HR@%d %.4f NDCG@%d "
                                + "%.4f%s (train %.1f s, validation %.1f s, %.0f s in all)", name, epoch, loss, EVAL_K,
                        metrics[0], EVAL_K, metrics[1], better ? " best" : "", (trained - epochStart) / 1000.0,
                        (now - trained) / 1000.0, (now - start) / 1000.0));
                if (sinceBest >= settings.patience()) {
                    progress.accept(name + ": no better validation NDCG for " + sinceBest + " epochs, stopping");
                    break;
                }
                if (settings.maxTrainMillis() > 0 && now - start + (now - epochStart) > settings.maxTrainMillis()) {
                    progress.accept(name + ": another epoch would pass the time budget, stopping");
                    break;
                }
            }
            return best;
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** Each history's latest {@code maxLength + 1} items (input and shifted target), histories of 2 or more. */
    private int[][] examples(InteractionData train) {
        List<int[]> examples = new ArrayList<>();
        for (int u = 0; u < train.numUsers(); u++) {
            int[] s = train.sequence(u);
            if (s.length >= 2) {
                int keep = Math.min(s.length, settings.maxLength() + 1);
                examples.add(Arrays.copyOfRange(s, s.length - keep, s.length));
            }
        }
        return examples.toArray(new int[0][]);
    }

    private int[] validationUsers(LeaveOneOut.Phase phase) {
        List<Integer> users = new ArrayList<>();
        for (int u = 0; u < phase.targets.length; u++) {
            if (phase.targets[u] >= 0 && phase.histories[u] != null && phase.histories[u].length > 0) {
                users.add(u);
            }
        }
        if (settings.validationUsers() > 0 && users.size() > settings.validationUsers()) {
            Collections.shuffle(users, new Random(settings.seed() ^ 0x5eed));
            users = new ArrayList<>(users.subList(0, settings.validationUsers()));
            Collections.sort(users);
        }
        int[] ids = new int[users.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = users.get(i);
        }
        return ids;
    }

    private double epoch(SequenceNetwork network, Optimizer adam, int[][] examples, Random random, int epoch) {
        List<int[]> batches = batches(examples, random);
        int n = network.numItems;
        double lossSum = 0;
        long targetsSeen = 0;
        int done = 0;
        for (int[] batch : batches) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException(name + " training was interrupted in epoch " + epoch + " after "
                        + done + " of " + batches.size() + " batches; no model was produced");
            }
            int length = 0;
            int targets = 0;
            for (int e : batch) {
                length = Math.max(length, examples[e].length - 1);
                targets += examples[e].length - 1;
            }
            long[] ids = new long[batch.length * length];
            int[] rows = new int[targets];
            long[] labels = new long[targets];
            Arrays.fill(ids, n);
            int t = 0;
            for (int r = 0; r < batch.length; r++) {
                int[] s = examples[batch[r]];
                for (int p = 0; p + 1 < s.length; p++) {
                    ids[r * length + p] = s[p];
                    rows[t] = r * length + p;
                    labels[t++] = s[p + 1];
                }
            }
            try (NDManager step = network.manager.newSubManager()) {
                NDArray input = step.create(ids, new Shape(batch.length, length));
                NDArray select = rowIndex(step, rows);
                NDArray target = step.create(labels, new Shape(targets, 1));
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray hidden = network.encode(input, true).reshape(batch.length * (long) length,
                            settings.dimension()).gather(select, 0);
                    NDArray loss = settings.negatives() == 0
                            ? hidden.matMul(network.items(step).transpose()).logSoftmax(-1).gather(target, 1).mean()
                                    .neg()
                            : sampledLoss(step, network, hidden, labels, random);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * targets;
                    targetsSeen += targets;
                }
                for (Map.Entry<String, NDArray> p : network.parameters().entrySet()) {
                    NDArray weight = p.getValue();
                    try (NDArray gradient = weight.getGradient()) {
                        adam.update(p.getKey(), weight, gradient);
                    }
                    JniUtils.zeroGrad((PtNDArray) weight);
                }
            }
            done++;
        }
        return lossSum / Math.max(1, targetsSeen);
    }

    /**
     * Every item's score for each history, computed by PyTorch from the model's weights (what training computes),
     * for checking the plain-Java and ONNX forward passes against it.
     */
    static float[][] torchScores(SequenceModel model, int[][] histories) {
        TorchRuntime.load(1);
        int n = model.numItems();
        float[][] scores = new float[histories.length][];
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager manager = NDManager.newBaseManager(TorchRuntime.ENGINE)) {
            SequenceNetwork network = SequenceNetwork.of(model, manager);
            for (int u = 0; u < histories.length; u++) {
                int[] recent = SequenceModel.recent(histories[u], n, model.settings().maxLength());
                long[] ids = new long[recent.length];
                for (int p = 0; p < ids.length; p++) {
                    ids[p] = recent[p];
                }
                NDArray hidden = network.encode(manager.create(ids, new Shape(1, ids.length)), false)
                        .get(new NDIndex("0, -1"));
                scores[u] = network.items(manager).matMul(hidden).toFloatArray();
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        return scores;
    }

    /**
     * Sampled-softmax cross-entropy: each target against the same {@code negatives} items drawn uniformly for the
     * whole batch (a negative that is the row's own target is masked out). Uniform draws need no log-q correction.
     */
    private NDArray sampledLoss(NDManager step, SequenceNetwork network, NDArray hidden, long[] labels,
                                Random random) {
        int n = network.numItems;
        int k = Math.min(settings.negatives(), n);
        int[] negatives = new int[k];
        for (int j = 0; j < k; j++) {
            negatives[j] = random.nextInt(n);
        }
        float[] hits = new float[labels.length * k];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < k; j++) {
                if (negatives[j] == labels[i]) {
                    hits[i * k + j] = SequenceModel.MASKED;
                }
            }
        }
        int[] targetRows = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            targetRows[i] = (int) labels[i];
        }
        NDArray items = network.items(step);
        NDArray positive = hidden.mul(items.gather(rowIndex(step, targetRows), 0)).sum(new int[] {1}, true);
        NDArray negative = hidden.matMul(items.gather(rowIndex(step, negatives), 0).transpose())
                .add(step.create(hits, new Shape(labels.length, k)));
        return positive.concat(negative, 1).logSoftmax(-1).get(new NDIndex(":, 0")).mean()
                .neg();
    }

    /** An index for {@code gather} along axis 0 that picks whole rows of a {@code [R, d]} matrix. */
    private NDArray rowIndex(NDManager manager, int[] rows) {
        int d = settings.dimension();
        long[] index = new long[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            Arrays.fill(index, i * d, (i + 1) * d, rows[i]);
        }
        return manager.create(index, new Shape(rows.length, d));
    }

    /** Batches of example indices: shuffled, then sorted by length within large chunks so padding stays short. */
    private List<int[]> batches(int[][] examples, Random random) {
        int count = examples.length;
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Collections.shuffle(Arrays.asList(order), random);
        int size = settings.batchSize();
        int chunk = size * 32;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < count; from += chunk) {
            int to = Math.min(count, from + chunk);
            Integer[] part = Arrays.copyOfRange(order, from, to);
            // a stable sort: equal lengths keep their shuffled order, so batches depend on the seed alone
            Arrays.sort(part, (a, b) -> Integer.compare(examples[b].length, examples[a].length));
            for (int b = 0; b < part.length; b += size) {
                int[] batch = new int[Math.min(size, part.length - b)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = part[b + i];
                }
                batches.add(batch);
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /**
     * Validation HR and NDCG at 10 of the latest weights, full ranking: histories are encoded and every item scored
     * by PyTorch in chunks of users, and each chunk is ranked by the project's evaluator.
     */
    private double[] validate(SequenceNetwork network, LeaveOneOut.Phase phase, int[] users,
                              FullRankingEvaluator evaluator) {
        int n = network.numItems;
        int d = settings.dimension();
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        double hits = 0;
        double ndcg = 0;
        try {
            for (int from = 0; from < users.length; from += EVAL_BATCH) {
                int to = Math.min(users.length, from + EVAL_BATCH);
                int length = 0;
                int[][] recent = new int[to - from][];
                for (int i = from; i < to; i++) {
                    recent[i - from] = SequenceModel.recent(phase.histories[users[i]], n, settings.maxLength());
                    length = Math.max(length, recent[i - from].length);
                }
                long[] ids = new long[recent.length * length];
                int[] last = new int[recent.length];
                Arrays.fill(ids, n);
                for (int r = 0; r < recent.length; r++) {
                    for (int p = 0; p < recent[r].length; p++) {
                        ids[r * length + p] = recent[r][p];
                    }
                    last[r] = r * length + recent[r].length - 1;
                }
                Map<int[], float[]> scores = new IdentityHashMap<>();
                try (NDManager step = network.manager.newSubManager()) {
                    NDArray hidden = network.encode(step.create(ids, new Shape(recent.length, length)), false)
                            .reshape(recent.length * (long) length, d).gather(rowIndex(step, last), 0);
                    float[] flat = hidden.matMul(network.items(step).transpose()).toFloatArray();
                    for (int r = 0; r < recent.length; r++) {
                        scores.put(phase.histories[users[from + r]], Arrays.copyOfRange(flat, r * n, (r + 1) * n));
                    }
                }
                int[][] histories = new int[to - from][];
                int[] targets = new int[to - from];
                for (int i = from; i < to; i++) {
                    histories[i - from] = phase.histories[users[i]];
                    targets[i - from] = phase.targets[users[i]];
                }
                RankingMetrics metrics = evaluator.evaluate(new ScoredHistories(n, scores), histories, targets,
                        done -> { });
                hits += metrics.hitRate() * metrics.users();
                ndcg += metrics.ndcg() * metrics.users();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(name + " training was interrupted during validation; no model was "
                    + "produced");
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        return new double[] {hits / Math.max(1, users.length), ndcg / Math.max(1, users.length)};
    }

    /** Scores computed beforehand for known histories (keyed by the history array itself). */
    private static final class ScoredHistories implements ItemScorer {
        private final int numItems;
        private final Map<int[], float[]> scores;

        ScoredHistories(int numItems, Map<int[], float[]> scores) {
            this.numItems = numItems;
            this.scores = scores;
        }

        @Override
        public int numItems() {
            return numItems;
        }

        @Override
        public void score(int[] history, float[] into) {
            float[] s = scores.get(history);
            for (int i = 0; i < numItems; i++) {
                into[i] += s[i];
            }
        }
    }
}

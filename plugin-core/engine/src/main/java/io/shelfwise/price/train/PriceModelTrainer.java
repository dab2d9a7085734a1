package io.shelfwise.price.train;

import ai.onnx.proto.OnnxMl;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PricedProduct;
import io.shelfwise.price.ProductListing;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the price model: a Tribuo {@link LinearSGDTrainer} (squared loss, AdaGrad) on log(1 + typical price) over
 * {@link PriceFeatures}, with an L2 (ridge) penalty added as one pseudo-example per feature (value sqrt(lambda),
 * target the mean), since Tribuo's linear SGD has no penalty of its own. The 80% interval is split-conformal:
 * the model is trained {@code folds} times on the other folds of the training products, each product's absolute
 * log residual is measured by the model that did not see it, divided by the product's {@link IntervalScale}
 * (how hard it is to price), and the interval's half-width is that scale times the finite-sample quantile of the
 * normalised residuals at the chosen level. Optionally ({@link Settings#trees()} above 0), {@link ResidualTrees}
 * boosted on the cross-validated residuals correct the linear answer (cross-fitted too for the interval). The final
 * model is trained on all products and exported to ONNX (Tribuo's linear graph plus the trees as an ai.onnx.ml
 * TreeEnsembleRegressor) with its features, trees and interval in the metadata; {@link PriceModel#load} serves it
 * through Tribuo's ONNXExternalModel.
 *
 * <p>Deterministic for a given seed and input. Not thread-safe while training; instances may be reused.
 */
public final class PriceModelTrainer {

    static final String TARGET = "log1p_price";
    static final String META_STATE = "shelfwise.price";
    static final String FORMAT = "shelfwise-price-1";

    private final Settings settings;
    private final Clock clock;

    public PriceModelTrainer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Training settings, validated when built. */
    public static final class Settings {
        private final double lambda;
        private final int epochs;
        private final int folds;
        private final double intervalLevel;
        private final long seed;
        private final int trees;
        private final int treeDepth;
        private final double treeRate;
        private final int treeMinLeaf;

        private Settings(Builder b) {
            this.lambda = b.lambda;
            this.epochs = b.epochs;
            this.folds = b.folds;
            this.intervalLevel = b.intervalLevel;
            this.seed = b.seed;
            this.trees = b.trees;
            this.treeDepth = b.treeDepth;
            this.treeRate = b.treeRate;
            this.treeMinLeaf = b.treeMinLeaf;
        }

        public static Builder builder() {
            return new Builder();
        }

        public double lambda() {
            return lambda;
        }

        public int epochs() {
            return epochs;
        }

        public int folds() {
            return folds;
        }

        public double intervalLevel() {
            return intervalLevel;
        }

        public long seed() {
            return seed;
        }

        /** Boosted residual trees added to the linear model (0: the linear model alone). */
        public int trees() {
            return trees;
        }

        public int treeDepth() {
            return treeDepth;
        }

        public double treeRate() {
            return treeRate;
        }

        /** Fewest training products in a residual tree's leaf. */
        public int treeMinLeaf() {
            return treeMinLeaf;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trainer", "tribuo LinearSGDTrainer(SquaredLoss, AdaGrad)");
            m.put("lambda", lambda);
            m.put("epochs", epochs);
            m.put("folds", folds);
            m.put("intervalLevel", intervalLevel);
            m.put("seed", seed);
            m.put("residualTrees", "tribuo CARTRegressionTrainer, boosted");
            m.put("trees", trees);
            m.put("treeDepth", treeDepth);
            m.put("treeRate", treeRate);
            m.put("treeMinLeaf", treeMinLeaf);
            return m;
        }

        /**
         * Defaults: lambda 3, 30 epochs, 5 calibration folds, 80% intervals, seed 42, no residual trees (when asked
         * for: depth 3, rate 0.15, at least 30 products a leaf).
         */
        public static final class Builder {
            private double lambda = 3.0;
            private int epochs = 30;
            private int folds = 5;
            private double intervalLevel = 0.8;
            private long seed = 42;
            private int trees = 0;
            private int treeDepth = 3;
            private double treeRate = 0.15;
            private int treeMinLeaf = 30;

            public Builder lambda(double value) {
                this.lambda = value;
                return this;
            }

            public Builder epochs(int value) {
                this.epochs = value;
                return this;
            }

            public Builder folds(int value) {
                this.folds = value;
                return this;
            }

            public Builder intervalLevel(double value) {
                this.intervalLevel = value;
                return this;
            }

            public Builder seed(long value) {
                this.seed = value;
                return this;
            }

            public Builder trees(int value) {
                this.trees = value;
                return this;
            }

            public Builder treeDepth(int value) {
                this.treeDepth = value;
                return this;
            }

            public Builder treeRate(double value) {
                this.treeRate = value;
                return this;
            }

            public Builder treeMinLeaf(int value) {
                this.treeMinLeaf = value;
                return this;
            }

            public Settings build() {
                if (trees < 0 || trees > 2_000) {
                    throw new IllegalArgumentException("trees must be between 0 and 2000, was " + trees);
                }
                if (treeDepth < 1 || treeDepth > 8) {
                    throw new IllegalArgumentException("treeDepth must be between 1 and 8, was " + treeDepth);
                }
                if (treeMinLeaf < 1) {
                    throw new IllegalArgumentException("treeMinLeaf must be at least 1, was " + treeMinLeaf);
                }
                if (!(treeRate > 0 && treeRate <= 1)) {
                    throw new IllegalArgumentException("treeRate (the boosting learning rate) must be above 0 and at "
                            + "most 1, was " + treeRate);
                }
                if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                    throw new IllegalArgumentException("lambda (the L2 penalty) must be 0 or more, was " + lambda);
                }
                if (epochs < 1 || epochs > 10_000) {
                    throw new IllegalArgumentException("epochs must be between 1 and 10000, was " + epochs);
                }
                if (folds < 2 || folds > 50) {
                    throw new IllegalArgumentException("folds (for interval calibration) must be between 2 and 50, "
                            + "was " + folds);
                }
                if (!(intervalLevel > 0 && intervalLevel < 1)) {
                    throw new IllegalArgumentException("intervalLevel must be between 0 and 1 (0.8 for an 80% "
                            + "interval), was " + intervalLevel);
                }
                return new Settings(this);
            }
        }
    }

    /** What training produced: the ONNX artifact and what cross-validation measured on the training products. */
    public static final class Result {
        private final byte[] onnx;
        private final Map<String, Object> metrics;

        Result(byte[] onnx, Map<String, Object> metrics) {
            this.onnx = onnx;
            this.metrics = metrics;
        }

        public byte[] onnx() {
            return onnx.clone();
        }

        /** Training products, cross-validated RMSLE, interval half-width (log scale), seconds. */
        public Map<String, Object> metrics() {
            return metrics;
        }
    }

    /**
     * Trains on every priced product of the history.
     *
     * @throws IllegalArgumentException if fewer products have a valid price than there are calibration folds
     */
    public Result train(PriceHistory history) {
        long started = System.nanoTime();
        List<PriceFeatures.Row> rows = new ArrayList<>();
        for (PricedProduct p : history.pricedProducts()) {
            rows.add(new PriceFeatures.Row(p.listing().id(), p.listing().text(), p.listing().category(),
                    Math.log1p(p.typicalPrice())));
        }
        if (rows.size() < Math.max(settings.folds * 2, 10)) {
            throw new IllegalArgumentException("Only " + rows.size() + " products have a valid price; the price "
                    + "model needs at least " + Math.max(settings.folds * 2, 10));
        }
        // Cross-fitted residuals for the interval.
        double[] residuals = new double[rows.size()];
        List<PriceFeatures.Vector> heldVectors = new ArrayList<>(java.util.Collections.nCopies(rows.size(),
                (PriceFeatures.Vector) null));
        double[] outOfFold = new double[rows.size()];
        int[] foldOf = new int[rows.size()];
        for (int fold = 0; fold < settings.folds; fold++) {
            List<PriceFeatures.Row> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold(rows.get(i).id) == fold) {
                    held.add(i);
                } else {
                    fit.add(rows.get(i));
                }
            }
            if (held.isEmpty() || fit.isEmpty()) {
                continue;
            }
            PriceFeatures features = PriceFeatures.fit(fit);
            LinearSGDModel model = fitModel(features);
            for (int i : held) {
                PriceFeatures.Row r = rows.get(i);
                PriceFeatures.Vector v = features.features(ProductListing.of(r.id, r.text, r.category, null));
                heldVectors.set(i, v);
                outOfFold[i] = r.logPrice - predict(model, v);
                foldOf[i] = fold;
            }
        }
        // Residual trees, cross-fitted too: a product's residual is corrected by trees that did not see it.
        double squared = 0;
        double linearSquared = 0;
        for (int fold = 0; fold < settings.folds; fold++) {
            List<PriceFeatures.Vector> fitVectors = new ArrayList<>();
            List<Double> fitLinear = new ArrayList<>();
            List<Double> fitResiduals = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf[i] != fold && heldVectors.get(i) != null) {
                    fitVectors.add(heldVectors.get(i));
                    fitLinear.add(rows.get(i).logPrice - outOfFold[i]);
                    fitResiduals.add(outOfFold[i]);
                }
            }
            ResidualTrees foldTrees = ResidualTrees.fit(fitVectors, unbox(fitLinear), unbox(fitResiduals), growth());
            for (int i = 0; i < rows.size(); i++) {
                if (foldOf[i] == fold && heldVectors.get(i) != null) {
                    double corrected = outOfFold[i] - foldTrees.predict(heldVectors.get(i),
                            rows.get(i).logPrice - outOfFold[i]);
                    residuals[i] = Math.abs(corrected);
                    squared += corrected * corrected;
                    linearSquared += outOfFold[i] * outOfFold[i];
                }
            }
        }
        List<PriceFeatures.Vector> allVectors = new ArrayList<>();
        List<Double> allLinear = new ArrayList<>();
        List<Double> allResiduals = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (heldVectors.get(i) != null) {
                allVectors.add(heldVectors.get(i));
                allLinear.add(rows.get(i).logPrice - outOfFold[i]);
                allResiduals.add(outOfFold[i]);
            }
        }
        ResidualTrees trees = ResidualTrees.fit(allVectors, unbox(allLinear), unbox(allResiduals), growth());
        IntervalScale scale = IntervalScale.fit(heldVectors, residuals);
        double[] normalised = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            normalised[i] = residuals[i] / scale.scale(heldVectors.get(i));
        }
        double halfWidth = conformalQuantile(normalised, settings.intervalLevel);
        PriceFeatures features = PriceFeatures.fit(rows);
        LinearSGDModel model = fitModel(features);
        OnnxMl.ModelProto proto = graph(model, trees);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("products", rows.size());
        metrics.put("cvRmsle", Math.sqrt(squared / rows.size()));
        metrics.put("cvRmsleLinear", Math.sqrt(linearSquared / rows.size()));
        metrics.put("intervalQuantile", halfWidth);
        metrics.put("trainSeconds", (System.nanoTime() - started) / 1e9);
        Map<String, Object> state = state(features, model, halfWidth, metrics);
        state.put("intervalScale", scale.asMap());
        state.put("residualTrees", trees.asMap());
        OnnxMl.ModelProto withState = proto.toBuilder()
                .addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(META_STATE)
                        .setValue(JsonMapper.builder().build().writeValueAsString(state)))
                .build();
        return new Result(withState.toByteArray(), metrics);
    }

    private ResidualTrees.Growth growth() {
        return new ResidualTrees.Growth(settings.trees, settings.treeDepth, settings.treeRate, settings.treeMinLeaf,
                settings.seed);
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * One ONNX graph: Tribuo's export of the linear model on the input, plus the residual trees' ai.onnx.ml
     * TreeEnsembleRegressor on the same input. Input "input" [batch, features in the linear model's id order],
     * output "output" [batch, 1], log(1 + price).
     */
    static OnnxMl.ModelProto graph(LinearSGDModel model, ResidualTrees trees) {
        ONNXContext context = new ONNXContext();
        context.setName("shelfwise-price");
        ONNXPlaceholder input = context.floatInput(model.getFeatureIDMap().size());
        ONNXPlaceholder output = context.floatOutput(1);
        ONNXNode linear = model.writeONNXGraph(input);
        if (trees.trees() == 0) {
            linear.assignTo(output);
            return ONNXExportable.buildModel(context, "io.shelfwise.price", 1, model);
        }
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
            columns.put(model.getFeatureIDMap().get(id).getName(), id);
        }
        ONNXNode correction = trees.writeONNXGraph(input, linear, columns);
        linear.apply(ONNXOperators.ADD, correction).assignTo(output);
        return ONNXExportable.buildModel(context, "io.shelfwise.price", 1, model).toBuilder()
                .addOpsetImport(ResidualTrees.TreeOperator.TREE_ENSEMBLE_REGRESSOR.opsetProto())
                .build();
    }

    /** Which calibration fold a product falls in: a hash of its id, so folds do not depend on row order. */
    int fold(String id) {
        long h = settings.seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 29;
        return (int) Math.floorMod(h, (long) settings.folds);
    }

    /** The ceil((n + 1) level)-th smallest residual: split-conformal coverage of at least {@code level}. */
    static double conformalQuantile(double[] residuals, double level) {
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil((sorted.length + 1) * level);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    LinearSGDModel fitModel(PriceFeatures features) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("shelfwise price products",
                OffsetDateTime.now(clock), factory), factory);
        Set<String> names = new LinkedHashSet<>(PriceFeatures.DENSE);
        for (String w : features.bagOfWords()) {
            names.add("w:" + w);
        }
        double mean = features.globalMean();
        for (int i = 0; i < features.rows().size(); i++) {
            PriceFeatures.Vector v = features.trainingFeatures(i);
            data.add(new ArrayExample<>(new Regressor(TARGET, features.rows().get(i).logPrice), v.names, v.values));
        }
        double penalty = Math.sqrt(settings.lambda);
        if (penalty > 0) {
            for (String name : names) {
                data.add(new ArrayExample<>(new Regressor(TARGET, mean), new String[] {name}, new double[] {penalty}));
            }
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(0.3, 1e-6), settings.epochs,
                Integer.MAX_VALUE, 1, settings.seed);
        return trainer.train(data);
    }

    static double predict(LinearSGDModel model, PriceFeatures.Vector v) {
        Example<Regressor> example = new ArrayExample<>(new RegressionFactory().getUnknownOutput(), v.names, v.values);
        return model.predict(example).getOutput().getValues()[0];
    }

    private Map<String, Object> state(PriceFeatures features, LinearSGDModel model, double halfWidth,
                                      Map<String, Object> metrics) {
        DenseMatrix weights = model.getWeightsCopy();
        List<String> featureOrder = new ArrayList<>();
        List<Double> featureWeights = new ArrayList<>();
        for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
            featureOrder.add(model.getFeatureIDMap().get(id).getName());
            featureWeights.add(weights.get(0, id));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("settings", settings.asMap());
        state.put("metrics", metrics);
        state.put("intervalLevel", settings.intervalLevel);
        state.put("intervalHalfWidth", halfWidth);
        state.put("features", featureOrder);
        state.put("weights", featureWeights);
        state.put("bias", weights.get(0, model.getFeatureIDMap().size()));
        state.put("bagOfWords", features.bagOfWords());
        state.put("denseMean", features.denseMean());
        state.put("denseSd", features.denseSd());
        List<Object[]> products = new ArrayList<>();
        for (PriceFeatures.Row r : features.rows()) {
            products.add(new Object[] {r.id, r.text, r.category, r.logPrice});
        }
        state.put("products", products);
        return state;
    }
}

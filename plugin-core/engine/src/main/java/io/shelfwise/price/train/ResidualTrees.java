package io.shelfwise.price.train;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A correction added to the linear price model: shallow regression trees (Tribuo's {@link CARTRegressionTrainer})
 * boosted on the linear model's cross-fitted log residuals over the dense features, so interactions the linear
 * model cannot express (a close name match with a far code, a cheap neighbourhood with a large pack) adjust the
 * price. Each tree's leaves are scaled by the learning rate; the correction of a product is the sum over trees.
 *
 * <p>The trees are kept flat (per node: feature, threshold, children, leaf value), which is both what the artifact's
 * metadata saves and what {@link #writeONNXGraph} writes as one ai.onnx.ml {@code TreeEnsembleRegressor}. Splits
 * compare in float precision, as ONNX Runtime does, so the Java and graph answers agree to float rounding.
 * Immutable; thread-safe.
 */
final class ResidualTrees {

    /** ai.onnx.ml opset the tree operator is declared at. */
    static final int ML_OPSET = 1;
    static final String ML_DOMAIN = "ai.onnx.ml";
    /** Residuals (log scale) are clipped to +-CLIP before a tree is fitted to them. */
    static final double CLIP = 1.0;

    /** The linear model's own answer (log scale), the trees' last input after the dense features. */
    static final String LINEAR = "f:linear_prediction";
    /** What the trees split on: the dense features, then the linear prediction. */
    static final List<String> FEATURES;

    static {
        List<String> names = new ArrayList<>(PriceFeatures.DENSE);
        names.add(LINEAR);
        FEATURES = Collections.unmodifiableList(names);
    }

    /** No trees: a correction of zero. */
    static final ResidualTrees NONE = new ResidualTrees(Collections.<String>emptyList(), new int[0][],
            new float[0][], new int[0][], new int[0][], new float[0][]);

    private final List<String> featureNames;
    /** Per tree, per node: index into {@link #featureNames}, or -1 for a leaf. */
    private final int[][] feature;
    private final float[][] threshold;
    /** Child when the feature is at most the threshold / above it. */
    private final int[][] lessOrEqual;
    private final int[][] greater;
    /** Leaf values, already scaled by the learning rate (0 for split nodes). */
    private final float[][] leaf;

    private ResidualTrees(List<String> featureNames, int[][] feature, float[][] threshold,
                          int[][] lessOrEqual, int[][] greater, float[][] leaf) {
        this.featureNames = Collections.unmodifiableList(new ArrayList<>(featureNames));
        this.feature = feature;
        this.threshold = threshold;
        this.lessOrEqual = lessOrEqual;
        this.greater = greater;
        this.leaf = leaf;
    }

    /** How the trees are grown. */
    static final class Growth {
        final int trees;
        final int depth;
        final double rate;
        final float minLeafProducts;
        final long seed;

        Growth(int trees, int depth, double rate, float minLeafProducts, long seed) {
            this.trees = trees;
            this.depth = depth;
            this.rate = rate;
            this.minLeafProducts = minLeafProducts;
            this.seed = seed;
        }
    }

    /**
     * Boosts {@code growth.trees} trees on the residuals (target minus linear prediction, log scale) of products
     * whose dense features are {@code vectors} and whose linear predictions are {@code linear}; all three in the
     * same order.
     */
    static ResidualTrees fit(List<PriceFeatures.Vector> vectors, double[] linear, double[] residuals,
                             Growth growth) {
        if (growth.trees == 0 || vectors.isEmpty()) {
            return NONE;
        }
        List<String> names = FEATURES;
        int d = PriceFeatures.DENSE.size();
        double[][] x = new double[vectors.size()][d + 1];
        for (int i = 0; i < x.length; i++) {
            PriceFeatures.Vector v = vectors.get(i);
            for (int j = 0; j < d; j++) {
                if (!v.names[j].equals(names.get(j))) {
                    throw new IllegalArgumentException("Dense feature " + j + " is " + v.names[j] + ", expected "
                            + names.get(j));
                }
                x[i][j] = v.values[j];
            }
            x[i][d] = linear[i];
        }
        double[] remaining = residuals.clone();
        String[] featureArray = names.toArray(new String[0]);
        RegressionFactory factory = new RegressionFactory();
        CARTRegressionTrainer trainer = new CARTRegressionTrainer(growth.depth, growth.minLeafProducts, 0.0f, 1.0f,
                new MeanSquaredError(), growth.seed);
        List<int[]> features = new ArrayList<>();
        List<float[]> thresholds = new ArrayList<>();
        List<int[]> lows = new ArrayList<>();
        List<int[]> highs = new ArrayList<>();
        List<float[]> leaves = new ArrayList<>();
        for (int t = 0; t < growth.trees; t++) {
            MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(
                    "shelfwise price residuals", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), factory),
                    factory);
            for (int i = 0; i < x.length; i++) {
                // Clipped: a few products no feature explains (fees, one-off furniture) must not steer the trees.
                double target = Math.max(-CLIP, Math.min(CLIP, remaining[i]));
                data.add(new ArrayExample<>(new Regressor(PriceModelTrainer.TARGET, target), featureArray, x[i]));
            }
            IndependentRegressionTreeModel model = (IndependentRegressionTreeModel) trainer.train(data);
            Flat flat = new Flat();
            flat.add(model.getRoots().get(PriceModelTrainer.TARGET), model, names, growth.rate);
            int[] treeFeature = ints(flat.feature);
            float[] treeThreshold = floats(flat.threshold);
            int[] treeLow = ints(flat.low);
            int[] treeHigh = ints(flat.high);
            float[] treeLeaf = floats(flat.leaf);
            features.add(treeFeature);
            thresholds.add(treeThreshold);
            lows.add(treeLow);
            highs.add(treeHigh);
            leaves.add(treeLeaf);
            for (int i = 0; i < x.length; i++) {
                remaining[i] -= walk(treeFeature, treeThreshold, treeLow, treeHigh, treeLeaf, x[i]);
            }
        }
        int n = features.size();
        return new ResidualTrees(names, features.toArray(new int[n][]),
                thresholds.toArray(new float[n][]), lows.toArray(new int[n][]), highs.toArray(new int[n][]),
                leaves.toArray(new float[n][]));
    }

    /** Tribuo's tree, flattened depth-first (the root is node 0). */
    private static final class Flat {
        final List<Integer> feature = new ArrayList<>();
        final List<Float> threshold = new ArrayList<>();
        final List<Integer> low = new ArrayList<>();
        final List<Integer> high = new ArrayList<>();
        final List<Float> leaf = new ArrayList<>();

        int add(Node<Regressor> node, TreeModel<Regressor> model, List<String> names, double rate) {
            int id = feature.size();
            feature.add(-1);
            threshold.add(0f);
            low.add(-1);
            high.add(-1);
            leaf.add(0f);
            if (node.isLeaf()) {
                leaf.set(id, (float) (rate * ((LeafNode<Regressor>) node).getOutput().getValues()[0]));
                return id;
            }
            SplitNode<Regressor> split = (SplitNode<Regressor>) node;
            String name = model.getFeatureIDMap().get(split.getFeatureID()).getName();
            feature.set(id, names.indexOf(name));
            threshold.set(id, (float) split.splitValue());
            int l = add(split.getLessThanOrEqual(), model, names, rate);
            int h = add(split.getGreaterThan(), model, names, rate);
            low.set(id, l);
            high.set(id, h);
            return id;
        }
    }

    private static double walk(int[] feature, float[] threshold, int[] low, int[] high, float[] leaf, double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = (float) x[feature[node]] <= threshold[node] ? low[node] : high[node];
        }
        return leaf[node];
    }

    int trees() {
        return feature.length;
    }

    /**
     * The correction (log scale) for a product's features and the linear model's answer for it: the sum of its
     * leaf in every tree.
     */
    double predict(PriceFeatures.Vector v, double linear) {
        if (feature.length == 0) {
            return 0;
        }
        double[] x = new double[featureNames.size()];
        for (int j = 0; j < x.length - 1; j++) {
            x[j] = v.values[j];
        }
        x[x.length - 1] = linear;
        float sum = 0;
        for (int t = 0; t < feature.length; t++) {
            sum += (float) walk(feature[t], threshold[t], lessOrEqual[t], greater[t], leaf[t], x);
        }
        return sum;
    }

    /** What the metadata saves; {@link #restore} reads it back. */
    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", featureNames);
        List<Object> trees = new ArrayList<>();
        for (int t = 0; t < feature.length; t++) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("feature", feature[t]);
            tree.put("threshold", threshold[t]);
            tree.put("lessOrEqual", lessOrEqual[t]);
            tree.put("greater", greater[t]);
            tree.put("leaf", leaf[t]);
            trees.add(tree);
        }
        m.put("trees", trees);
        return m;
    }

    /**
     * Rebuilds trees from their saved arrays (per tree: feature, threshold, lessOrEqual, greater, leaf).
     *
     * @throws IllegalArgumentException if the features are not this version's dense features or a tree is malformed
     */
    static ResidualTrees restore(List<String> names, List<int[][]> structure, List<float[][]> values) {
        if (structure.isEmpty()) {
            return NONE;
        }
        if (!names.equals(FEATURES)) {
            throw new IllegalArgumentException("Residual trees over " + names + ", this version uses "
                    + FEATURES);
        }
        int n = structure.size();
        int[][] feature = new int[n][];
        int[][] low = new int[n][];
        int[][] high = new int[n][];
        float[][] threshold = new float[n][];
        float[][] leaf = new float[n][];
        for (int t = 0; t < n; t++) {
            feature[t] = structure.get(t)[0];
            low[t] = structure.get(t)[1];
            high[t] = structure.get(t)[2];
            threshold[t] = values.get(t)[0];
            leaf[t] = values.get(t)[1];
            int size = feature[t].length;
            if (size == 0 || low[t].length != size || high[t].length != size || threshold[t].length != size
                    || leaf[t].length != size) {
                throw new IllegalArgumentException("Residual tree " + t + " has arrays of different lengths");
            }
            for (int k = 0; k < size; k++) {
                if (feature[t][k] >= names.size() || (feature[t][k] >= 0
                        && (low[t][k] <= k || low[t][k] >= size || high[t][k] <= k || high[t][k] >= size))) {
                    throw new IllegalArgumentException("Residual tree " + t + " node " + k + " is malformed");
                }
            }
        }
        return new ResidualTrees(names, feature, threshold, low, high, leaf);
    }

    /**
     * Writes the trees as one {@code TreeEnsembleRegressor} on {@code input} (a float [batch, features] tensor whose
     * columns are numbered by {@code featureIds}) joined with {@code linear} (the [batch, 1] linear prediction) as
     * its last column; the node's output is the [batch, 1] correction.
     *
     * @throws IllegalArgumentException if a dense feature has no column
     */
    ONNXNode writeONNXGraph(ONNXRef<?> input, ONNXRef<?> linear, Map<String, Integer> featureIds) {
        Map<String, Integer> columns = new java.util.HashMap<>(featureIds);
        columns.put(LINEAR, featureIds.size());
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("axis", 1);
        ONNXNode joined = input.apply(ONNXOperators.CONCAT, linear, axis);
        List<Integer> treeIds = new ArrayList<>();
        List<Integer> nodeIds = new ArrayList<>();
        List<Integer> featureIdList = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        List<Integer> trueIds = new ArrayList<>();
        List<Integer> falseIds = new ArrayList<>();
        List<Integer> targetTrees = new ArrayList<>();
        List<Integer> targetNodes = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        for (int t = 0; t < feature.length; t++) {
            for (int k = 0; k < feature[t].length; k++) {
                treeIds.add(t);
                nodeIds.add(k);
                boolean isLeaf = feature[t][k] < 0;
                if (isLeaf) {
                    featureIdList.add(0);
                    values.add(0f);
                    modes.add("LEAF");
                    trueIds.add(0);
                    falseIds.add(0);
                    targetTrees.add(t);
                    targetNodes.add(k);
                    weights.add(leaf[t][k]);
                } else {
                    Integer column = columns.get(featureNames.get(feature[t][k]));
                    if (column == null) {
                        throw new IllegalArgumentException("The linear model has no column for "
                                + featureNames.get(feature[t][k]));
                    }
                    featureIdList.add(column);
                    values.add(threshold[t][k]);
                    modes.add("BRANCH_LEQ");
                    trueIds.add(lessOrEqual[t][k]);
                    falseIds.add(greater[t][k]);
                }
            }
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("n_targets", 1);
        attributes.put("aggregate_function", "SUM");
        attributes.put("post_transform", "NONE");
        attributes.put("base_values", new float[] {0f});
        attributes.put("nodes_treeids", ints(treeIds));
        attributes.put("nodes_nodeids", ints(nodeIds));
        attributes.put("nodes_featureids", ints(featureIdList));
        attributes.put("nodes_values", floats(values));
        attributes.put("nodes_modes", modes.toArray(new String[0]));
        attributes.put("nodes_truenodeids", ints(trueIds));
        attributes.put("nodes_falsenodeids", ints(falseIds));
        attributes.put("target_ids", new int[targetTrees.size()]);
        attributes.put("target_treeids", ints(targetTrees));
        attributes.put("target_nodeids", ints(targetNodes));
        attributes.put("target_weights", floats(weights));
        return joined.apply(TreeOperator.TREE_ENSEMBLE_REGRESSOR, attributes);
    }

    private static int[] ints(List<Integer> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * The ai.onnx.ml operator Tribuo's operator enum lacks, declared through its public {@link ONNXOperator}
     * interface.
     */
    enum TreeOperator implements ONNXOperator {
        TREE_ENSEMBLE_REGRESSOR("TreeEnsembleRegressor");

        private final String opName;
        private final Map<String, ONNXAttribute> attributes;

        TreeOperator(String opName) {
            this.opName = opName;
            Map<String, ONNXAttribute> map = new LinkedHashMap<>();
            put(map, "n_targets", AttributeType.INT);
            put(map, "aggregate_function", AttributeType.STRING);
            put(map, "post_transform", AttributeType.STRING);
            put(map, "base_values", AttributeType.FLOATS);
            put(map, "nodes_treeids", AttributeType.INTS);
            put(map, "nodes_nodeids", AttributeType.INTS);
            put(map, "nodes_featureids", AttributeType.INTS);
            put(map, "nodes_values", AttributeType.FLOATS);
            put(map, "nodes_modes", AttributeType.STRINGS);
            put(map, "nodes_truenodeids", AttributeType.INTS);
            put(map, "nodes_falsenodeids", AttributeType.INTS);
            put(map, "target_ids", AttributeType.INTS);
            put(map, "target_treeids", AttributeType.INTS);
            put(map, "target_nodeids", AttributeType.INTS);
            put(map, "target_weights", AttributeType.FLOATS);
            this.attributes = Collections.unmodifiableMap(map);
        }

        private static void put(Map<String, ONNXAttribute> map, String name, AttributeType type) {
            map.put(name, new ONNXAttribute(name, type, false));
        }

        @Override
        public String getOpName() {
            return opName;
        }

        @Override
        public int getNumInputs() {
            return 1;
        }

        @Override
        public int getNumOptionalInputs() {
            return 0;
        }

        @Override
        public int getNumOutputs() {
            return 1;
        }

        @Override
        public Map<String, ONNXAttribute> getAttributes() {
            return attributes;
        }

        @Override
        public Set<String> getMandatoryAttributeNames() {
            return new HashSet<>();
        }

        @Override
        public int getOpVersion() {
            return ML_OPSET;
        }

        @Override
        public String getOpDomain() {
            return ML_DOMAIN;
        }
    }
}

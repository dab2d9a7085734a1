package io.shelfwise.price.train;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.google.protobuf.InvalidProtocolBufferException;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.onnx.ModelStructure;
import io.shelfwise.price.PriceFactor;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.ProductListing;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.interop.onnx.DenseTransformer;
import org.tribuo.interop.onnx.ONNXExternalModel;
import org.tribuo.interop.onnx.RegressorTransformer;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A trained price model served through Tribuo's {@link ONNXExternalModel}: the features are computed in Java from
 * the training products saved in the artifact's metadata, the ONNX graph (Tribuo's export of the linear model, plus
 * the {@link ResidualTrees} when the model has them) computes log(1 + price), and the conformal half-width saved with it gives the interval. Loading checks the file
 * is ONNX, carries this format's metadata, and that the graph and the saved weights agree on a probe product.
 *
 * <p>Thread-safe (ONNX Runtime sessions may run concurrently). Close it when it is no longer served.
 */
public final class PriceModel implements AutoCloseable {

    /** The standard operators and the ai.onnx.ml tree ensemble of the residual trees. */
    private static final Set<String> PRICE_GRAPH_DOMAINS = Collections.unmodifiableSet(new HashSet<>(
            Arrays.asList("", "ai.onnx", ResidualTrees.ML_DOMAIN)));

    private static final BigDecimal MIN_PRICE = new BigDecimal("0.01");
    private static final int FACTORS = 5;

    private final ONNXExternalModel<Regressor> onnx;
    private final PriceFeatures features;
    private final Map<String, Double> weights;
    private final double bias;
    private final double halfWidth;
    private final IntervalScale scale;
    private final ResidualTrees trees;
    private final double level;
    private final Map<String, Object> metrics;

    private PriceModel(ONNXExternalModel<Regressor> onnx, PriceFeatures features, Map<String, Double> weights,
                       double bias, double halfWidth, IntervalScale scale, ResidualTrees trees, double level,
                       Map<String, Object> metrics) {
        this.onnx = onnx;
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.halfWidth = halfWidth;
        this.scale = scale;
        this.trees = trees;
        this.level = level;
        this.metrics = metrics;
    }

    /**
     * Loads and checks a price model file.
     *
     * @throws ModelLoadException if the file is not ONNX, not a Shelfwise price model, or inconsistent
     */
    @SuppressWarnings("unchecked")
    public static PriceModel load(Path file) throws ModelLoadException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new ModelLoadException("The price model file " + file.getFileName() + " is empty");
        }
        // the file is ours, but a swapped file must not make ONNX Runtime read others (external data)
        ModelStructure structure = ModelStructure.of(bytes, PRICE_GRAPH_DOMAINS);
        if (structure.parsed() && !structure.accepted()) {
            throw new ModelLoadException("The price model file " + file.getFileName() + " is refused before loading: "
                    + String.join(" ", structure.refusals()));
        }
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException("The price model file " + file.getFileName() + " is not ONNX (corrupt or "
                    + "truncated): " + e.getMessage(), e);
        }
        String json = null;
        for (OnnxMl.StringStringEntryProto p : proto.getMetadataPropsList()) {
            if (p.getKey().equals(PriceModelTrainer.META_STATE)) {
                json = p.getValue();
            }
        }
        if (json == null || !proto.hasGraph()) {
            throw new ModelLoadException("The file " + file.getFileName() + " is not a Shelfwise price model (no "
                    + PriceModelTrainer.META_STATE + " metadata); train one with PriceModelTrainer");
        }
        JsonNode state;
        try {
            state = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new ModelLoadException("The price model's metadata is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!PriceModelTrainer.FORMAT.equals(state.path("format").asString(""))) {
            throw new ModelLoadException("Unknown price model format '" + state.path("format").asString("")
                    + "'; this version reads " + PriceModelTrainer.FORMAT);
        }
        try {
            List<PriceFeatures.Row> rows = new ArrayList<>();
            for (JsonNode p : state.get("products")) {
                rows.add(new PriceFeatures.Row(p.get(0).asString(), p.get(1).asString(),
                        p.get(2).isNull() ? null : p.get(2).asString(), p.get(3).asDouble()));
            }
            List<String> bag = new ArrayList<>();
            for (JsonNode w : state.get("bagOfWords")) {
                bag.add(w.asString());
            }
            PriceFeatures features = PriceFeatures.restore(rows, bag, doubles(state.get("denseMean")),
                    doubles(state.get("denseSd")));
            Map<String, Integer> featureIds = new HashMap<>();
            Map<String, Double> weights = new HashMap<>();
            JsonNode names = state.get("features");
            JsonNode values = state.get("weights");
            for (int i = 0; i < names.size(); i++) {
                featureIds.put(names.get(i).asString(), i);
                weights.put(names.get(i).asString(), values.get(i).asDouble());
            }
            Map<Regressor, Integer> outputs = Collections.singletonMap(
                    new Regressor(PriceModelTrainer.TARGET, Double.NaN), 0);
            ONNXExternalModel<Regressor> onnx = ONNXExternalModel.createOnnxModel(new RegressionFactory(), featureIds,
                    outputs, new DenseTransformer(), new RegressorTransformer(), new OrtSession.SessionOptions(),
                    file, "input");
            Map<String, Object> metrics = JsonMapper.builder().build().convertValue(state.get("metrics"), Map.class);
            PriceModel model = new PriceModel(onnx, features, weights, state.get("bias").asDouble(),
                    state.get("intervalHalfWidth").asDouble(), scale(state.get("intervalScale")),
                    trees(state.get("residualTrees")), state.get("intervalLevel").asDouble(), metrics);
            model.checkAgreement();
            return model;
        } catch (OrtException e) {
            throw new ModelLoadException("ONNX Runtime cannot load the price model " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelLoadException("The price model " + file.getFileName() + " is inconsistent: " + e, e);
        }
    }

    private static IntervalScale scale(JsonNode node) {
        if (node == null || node.isNull()) {
            return IntervalScale.constant();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node.get("features")) {
            names.add(n.asString());
        }
        if (!names.equals(IntervalScale.FEATURES)) {
            throw new IllegalArgumentException("interval scale over " + names + ", this version uses "
                    + IntervalScale.FEATURES);
        }
        return new IntervalScale(doubles(node.get("coefficients")));
    }

    private static ResidualTrees trees(JsonNode node) {
        if (node == null || node.isNull()) {
            // Models trained before residual trees existed: the linear model alone.
            return ResidualTrees.NONE;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : node.get("features")) {
            names.add(n.asString());
        }
        List<int[][]> structure = new ArrayList<>();
        List<float[][]> values = new ArrayList<>();
        for (JsonNode tree : node.get("trees")) {
            structure.add(new int[][] {ints(tree.get("feature")), ints(tree.get("lessOrEqual")),
                ints(tree.get("greater"))});
            values.add(new float[][] {floats(tree.get("threshold")), floats(tree.get("leaf"))});
        }
        return ResidualTrees.restore(names, structure, values);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private void checkAgreement() throws ModelLoadException {
        PriceFeatures.Row probe = features.rows().get(0);
        PriceFeatures.Vector v = features.features(ProductListing.of(probe.id, probe.text, probe.category, null));
        double fromGraph = runGraph(Collections.singletonList(v))[0];
        double fromWeights = linear(v) + trees.predict(v, linear(v));
        if (!(Math.abs(fromGraph - fromWeights) < 1e-3)) {
            throw new ModelLoadException("The price model's graph and its saved weights disagree (" + fromGraph
                    + " against " + fromWeights + "): the file was changed after training");
        }
    }

    private double linear(PriceFeatures.Vector v) {
        double s = bias;
        for (int i = 0; i < v.names.length; i++) {
            Double w = weights.get(v.names[i]);
            if (w != null) {
                s += w * v.values[i];
            }
        }
        return s;
    }

    private double[] runGraph(List<PriceFeatures.Vector> vectors) {
        RegressionFactory factory = new RegressionFactory();
        List<Example<Regressor>> examples = new ArrayList<>(vectors.size());
        for (PriceFeatures.Vector v : vectors) {
            examples.add(new ArrayExample<>(factory.getUnknownOutput(), v.names, v.values));
        }
        List<Prediction<Regressor>> predictions = onnx.predict(examples);
        double[] out = new double[vectors.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions.get(i).getOutput().getValues()[0];
            if (Double.isNaN(out[i]) || Double.isInfinite(out[i])) {
                throw new IllegalStateException("The price model answered " + out[i] + " for "
                        + vectors.get(i).names.length + " features");
            }
        }
        return out;
    }

    /** log(1 + price) for the listings as the ONNX graph answers; for parity checks. */
    double[] graphLogPrices(List<ProductListing> listings) {
        List<PriceFeatures.Vector> vectors = new ArrayList<>(listings.size());
        for (ProductListing p : listings) {
            vectors.add(features.features(p));
        }
        return runGraph(vectors);
    }

    /** log(1 + price) for the listing computed in Java from the saved weights and trees; for parity checks. */
    double savedLogPrice(ProductListing listing) {
        PriceFeatures.Vector v = features.features(listing);
        return linear(v) + trees.predict(v, linear(v));
    }

    /** How many residual trees the model adds to its linear part. */
    int residualTrees() {
        return trees.trees();
    }

    /** Predicts one product. */
    public PricePrediction predict(ProductListing product) {
        return predictAll(Collections.singletonList(product)).get(0);
    }

    /** Predicts products in one batch, in order. */
    public List<PricePrediction> predictAll(List<ProductListing> products) {
        List<PriceFeatures.Vector> vectors = new ArrayList<>(products.size());
        for (ProductListing p : products) {
            vectors.add(features.features(p));
        }
        double[] logs = products.isEmpty() ? new double[0] : runGraph(vectors);
        List<PricePrediction> out = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            out.add(prediction(products.get(i), vectors.get(i), logs[i]));
        }
        return out;
    }

    private PricePrediction prediction(ProductListing product, PriceFeatures.Vector v, double log) {
        BigDecimal price = money(Math.expm1(log));
        double half = halfWidth * scale.scale(v);
        BigDecimal lower = money(Math.expm1(log - half)).min(price);
        BigDecimal upper = money(Math.expm1(log + half)).max(price);
        return new PricePrediction(product.id(), price, lower, upper, level, v.unfamiliar, factors(v));
    }

    private List<PriceFactor> factors(PriceFeatures.Vector v) {
        List<PriceFactor> all = new ArrayList<>();
        for (int i = 0; i < v.names.length; i++) {
            Double w = weights.get(v.names[i]);
            if (w == null || w * v.values[i] == 0) {
                continue;
            }
            double contribution = w * v.values[i];
            all.add(new PriceFactor(v.names[i], label(v.names[i], v.values[i]), Math.exp(contribution)));
        }
        double correction = trees.predict(v, linear(v));
        if (correction != 0) {
            all.add(new PriceFactor("trees", "how similar products, codes and the first estimate combine",
                    Math.exp(correction)));
        }
        all.sort((a, b) -> Double.compare(Math.abs(Math.log(b.effect())), Math.abs(Math.log(a.effect()))));
        return new ArrayList<>(all.subList(0, Math.min(FACTORS, all.size())));
    }

    private String label(String name, double value) {
        if (name.startsWith("w:c:")) {
            return "category word '" + name.substring(4) + "'";
        }
        if (name.startsWith("w:")) {
            String token = name.substring(2);
            return token.contains("_") ? "words '" + token.replace('_', ' ') + "'" : "word '" + token + "'";
        }
        int j = PriceFeatures.DENSE.indexOf(name);
        double raw = value * features.denseSd()[j] + features.denseMean()[j];
        double g = features.globalMean();
        switch (name) {
            case "f:similar_price":
                return "similar products' price " + amount(raw);
            case "f:text_similar_price":
                return "products with similar names: " + amount(raw);
            case "f:similarity":
                return String.format(Locale.ROOT, "closest name match (similarity %.2f)", raw);
            case "f:similar_price_x_similarity":
                return "how closely the similar products match";
            case "f:similar_spread":
                return "spread of similar products' prices";
            case "f:code_near2_price":
                return "the 2 products with the nearest codes: " + amount(raw);
            case "f:code_near4_price":
                return "the 4 products with the nearest codes: " + amount(raw);
            case "f:code_gap":
                return String.format(Locale.ROOT, "distance to the nearest product code (%.0f)", Math.expm1(raw));
            case "f:code_not_numeric":
                return raw > 0.5 ? "code is not a product number (fees, postage, vouchers)" : "numbered product code";
            case "f:variant_known":
                return raw > 0.5 ? "variants with the same code stem are known" : "no known variants";
            case "f:variant_price":
                return "variants with the same code stem: " + amount(raw + g);
            case "f:pack_size":
                return String.format(Locale.ROOT, "pack size %.0f", Math.expm1(raw));
            case "f:text_length":
                return String.format(Locale.ROOT, "%.0f words of text", raw);
            case "f:code_lower_case":
                return raw > 0.5 ? "lower-case code suffix (a guest-only retail listing)" : "no lower-case code suffix";
            default:
                return name;
        }
    }

    private static String amount(double logPrice) {
        return String.format(Locale.ROOT, "%.2f", Math.max(0.01, Math.expm1(logPrice)));
    }

    public static BigDecimal money(double value) {
        if (Double.isNaN(value) || value < 0.01) {
            return MIN_PRICE;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).max(MIN_PRICE);
    }

    /** The fitted features the model reads (package-private, for tests). */
    PriceFeatures features() {
        return features;
    }

    /** Interval coverage this model was calibrated for, e.g. 0.8. */
    public double level() {
        return level;
    }

    /** What training measured (cross-validated RMSLE, products, seconds...). */
    public Map<String, Object> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    @Override
    public void close() {
        onnx.close();
    }
}

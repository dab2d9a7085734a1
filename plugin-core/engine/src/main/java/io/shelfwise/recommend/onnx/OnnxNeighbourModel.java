package io.shelfwise.recommend.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.onnx.OnnxSessions;
import io.shelfwise.recommend.algo.NeighbourModel;
import org.tribuo.ONNXExportable;
import org.tribuo.provenance.ModelProvenance;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shelfwise.onnx.OnnxSessions.checkSignature;
import static io.shelfwise.onnx.OnnxSessions.closeQuietly;
import static io.shelfwise.onnx.OnnxSessions.firstLine;
import static io.shelfwise.onnx.OnnxSessions.items;

/**
 * A {@link NeighbourGraph} loaded into ONNX Runtime. Loading validates everything before the model can serve: the
 * bytes are ONNX, the graph has this format's inputs and outputs with their types, the item catalogue in the
 * metadata matches the graph's tables, and a dry run answers. Thread-safe: ONNX Runtime sessions may run
 * concurrently. Close it when it is no longer served.
 */
public final class OnnxNeighbourModel implements RankingModel {

    private static final Map<String, OnnxJavaType> INPUTS = new HashMap<>();
    private static final Map<String, OnnxJavaType> OUTPUTS = new HashMap<>();

    static {
        INPUTS.put(NeighbourGraph.IN_HISTORY, OnnxJavaType.INT64);
        INPUTS.put(NeighbourGraph.IN_WEIGHTS, OnnxJavaType.FLOAT);
        INPUTS.put(NeighbourGraph.IN_EXCLUDE, OnnxJavaType.INT64);
        INPUTS.put(NeighbourGraph.IN_K, OnnxJavaType.INT64);
        OUTPUTS.put(NeighbourGraph.OUT_SCORES, OnnxJavaType.FLOAT);
        OUTPUTS.put(NeighbourGraph.OUT_ITEMS, OnnxJavaType.INT64);
        OUTPUTS.put(NeighbourGraph.OUT_NEIGHBOURS, OnnxJavaType.INT32);
        OUTPUTS.put(NeighbourGraph.OUT_CONTRIBUTIONS, OnnxJavaType.FLOAT);
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String strategy;
    private final List<String> itemIds;
    private final Map<String, Integer> index;
    private final double recencyDecay;
    private final ModelProvenance provenance;
    private final long artifactBytes;

    private OnnxNeighbourModel(OrtEnvironment environment, OrtSession session, String strategy, List<String> itemIds,
                               double recencyDecay, ModelProvenance provenance, long artifactBytes) {
        this.environment = environment;
        this.session = session;
        this.strategy = strategy;
        this.itemIds = Collections.unmodifiableList(itemIds);
        this.recencyDecay = recencyDecay;
        this.provenance = provenance;
        this.artifactBytes = artifactBytes;
        this.index = OnnxSessions.index(itemIds);
    }

    /**
     * Loads and validates a model.
     *
     * @throws ModelLoadException if the bytes are not a valid, consistent Shelfwise neighbour graph
     */
    public static OnnxNeighbourModel load(byte[] onnx) throws ModelLoadException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = OnnxSessions.open(environment, onnx);
        try {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            OnnxSessions.checkFormat(metadata, NeighbourGraph.FORMAT, "neighbour graph");
            checkSignature("input", session.getInputInfo(), INPUTS);
            checkSignature("output", session.getOutputInfo(), OUTPUTS);
            List<String> items = items(metadata.get(NeighbourGraph.META_ITEMS));
            double decay = decay(metadata.get(NeighbourGraph.META_RECENCY_DECAY));
            ModelProvenance provenance = OnnxSessions.provenance(metadata.get(ONNXExportable.PROVENANCE_METADATA_FIELD));
            String strategy = metadata.getOrDefault(NeighbourGraph.META_STRATEGY, "unnamed");
            OnnxNeighbourModel model = new OnnxNeighbourModel(environment, session, strategy, items, decay, provenance,
                    onnx.length);
            model.dryRun();
            return model;
        } catch (ModelLoadException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelLoadException("The model failed its dry run: " + firstLine(e.getMessage()), e);
        }
    }

    private static double decay(String value) throws ModelLoadException {
        try {
            double decay = Double.parseDouble(value);
            if (decay > 0 && decay <= 1) {
                return decay;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new ModelLoadException("The model's recency decay '" + value + "' is not a number in (0, 1]");
    }

    /** Ranks the whole catalogue once: proves the tables match the item list before the model serves. */
    private void dryRun() throws OrtException, ModelLoadException {
        RankedItems all = rank(new int[0], new int[0], itemIds.size());
        if (all.size() != itemIds.size()) {
            throw new ModelLoadException("The graph ranks " + all.size() + " items but lists " + itemIds.size());
        }
        int[] seen = new int[itemIds.size()];
        for (int r = 0; r < all.size(); r++) {
            int item = all.item(r);
            if (item < 0 || item >= seen.length) {
                throw new ModelLoadException("The graph's tables hold more items than its item list of "
                        + itemIds.size());
            }
            seen[item]++;
        }
        for (int count : seen) {
            if (count != 1) {
                throw new ModelLoadException("The graph's tables do not match its item list of " + itemIds.size());
            }
        }
    }

    /**
     * The top {@code k} items for a history.
     *
     * @param history catalogue indices, oldest first (see {@link #indexOf}); may be empty
     * @param exclude catalogue indices never to return (the history itself is not excluded unless listed)
     * @param k       how many; more than the catalogue returns the catalogue
     * @return at most {@code k} items, best first, with no excluded item
     * @throws OrtException if ONNX Runtime fails
     */
    public RankedItems rank(int[] history, int[] exclude, int k) throws OrtException {
        int n = itemIds.size();
        int limit = Math.min(k, n);
        if (limit <= 0) {
            return new RankedItems(new int[0], new float[0], new int[0]);
        }
        long[] historyIds = new long[history.length];
        for (int p = 0; p < history.length; p++) {
            if (history[p] < 0 || history[p] >= n) {
                throw new IllegalArgumentException("History item " + history[p] + " is outside the catalogue of " + n);
            }
            historyIds[p] = history[p];
        }
        long[] excludeIds = new long[exclude.length];
        for (int e = 0; e < exclude.length; e++) {
            if (exclude[e] < 0 || exclude[e] >= n) {
                throw new IllegalArgumentException("Excluded item " + exclude[e] + " is outside the catalogue of " + n);
            }
            excludeIds[e] = exclude[e];
        }
        float[] weights = NeighbourModel.positionWeights(history.length, recencyDecay);
        Map<String, OnnxTensor> inputs = new HashMap<>(8);
        try {
            inputs.put(NeighbourGraph.IN_HISTORY, OnnxTensor.createTensor(environment, LongBuffer.wrap(historyIds),
                    new long[] {historyIds.length}));
            inputs.put(NeighbourGraph.IN_WEIGHTS, OnnxTensor.createTensor(environment, FloatBuffer.wrap(weights),
                    new long[] {weights.length}));
            inputs.put(NeighbourGraph.IN_EXCLUDE, OnnxTensor.createTensor(environment, LongBuffer.wrap(excludeIds),
                    new long[] {excludeIds.length}));
            inputs.put(NeighbourGraph.IN_K, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {limit}),
                    new long[] {1}));
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer scores = ((OnnxTensor) result.get(NeighbourGraph.OUT_SCORES).get()).getFloatBuffer();
                LongBuffer items = ((OnnxTensor) result.get(NeighbourGraph.OUT_ITEMS).get()).getLongBuffer();
                OnnxTensor neighbourTensor = (OnnxTensor) result.get(NeighbourGraph.OUT_NEIGHBOURS).get();
                IntBuffer neighbours = neighbourTensor.getIntBuffer();
                FloatBuffer contributions =
                        ((OnnxTensor) result.get(NeighbourGraph.OUT_CONTRIBUTIONS).get()).getFloatBuffer();
                long[] shape = neighbourTensor.getInfo().getShape();
                int width = shape.length == 2 ? (int) shape[1] : 0;
                return collect(scores, items, neighbours, contributions, width, history.length);
            }
        } finally {
            for (OnnxTensor tensor : inputs.values()) {
                tensor.close();
            }
        }
    }

    private static RankedItems collect(FloatBuffer scores, LongBuffer items, IntBuffer neighbours,
                                       FloatBuffer contributions, int width, int historyLength) {
        int count = 0;
        int size = scores.remaining();
        while (count < size && scores.get(count) > NeighbourGraph.EXCLUDED / 2) {
            count++;
        }
        int[] ids = new int[count];
        float[] values = new float[count];
        int[] sources = new int[count];
        for (int r = 0; r < count; r++) {
            ids[r] = (int) items.get(r);
            values[r] = scores.get(r);
            sources[r] = -1;
        }
        if (count > 0 && historyLength > 0 && width > 0) {
            Map<Integer, Integer> rankOf = new HashMap<>(count * 2);
            for (int r = 0; r < count; r++) {
                rankOf.put(ids[r], r);
            }
            float[] best = new float[count];
            for (int p = 0; p < historyLength; p++) {
                for (int x = 0; x < width; x++) {
                    float c = contributions.get(p * width + x);
                    if (c <= 0) {
                        continue;
                    }
                    Integer r = rankOf.get(neighbours.get(p * width + x));
                    if (r != null && c > best[r]) {
                        best[r] = c;
                        sources[r] = p;
                    }
                }
            }
        }
        return new RankedItems(ids, values, sources);
    }

    public String strategy() {
        return strategy;
    }

    public List<String> itemIds() {
        return itemIds;
    }

    /** The catalogue index of an item id, or -1 when the model does not know it. */
    public int indexOf(String itemId) {
        Integer i = index.get(itemId);
        return i == null ? -1 : i;
    }

    public double recencyDecay() {
        return recencyDecay;
    }

    public ModelProvenance provenance() {
        return provenance;
    }

    /** Size of the ONNX artifact this model was loaded from. */
    public long artifactBytes() {
        return artifactBytes;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }
}

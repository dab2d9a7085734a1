package io.shelfwise.recommend.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.onnx.OnnxSessions;
import io.shelfwise.recommend.sequence.SequenceModel;
import org.tribuo.ONNXExportable;
import org.tribuo.provenance.ModelProvenance;

import java.nio.FloatBuffer;
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
 * A {@link SequenceGraph} loaded into ONNX Runtime. Loading validates everything before the model can serve: the
 * bytes are ONNX, the format is {@value SequenceGraph#FORMAT}, inputs and outputs have their names and types, the
 * maximum length and provenance are readable, and a dry run ranks the whole catalogue, proving the embedding table
 * matches the item list. Only the latest {@link #maxLength()} history items are read; an empty history has no
 * recommendation. No history item is named as the source of a recommendation ({@link RankedItems#source} is -1).
 * Thread-safe; close it when it is no longer served.
 */
public final class OnnxSequenceModel implements RankingModel {

    private static final Map<String, OnnxJavaType> INPUTS = new HashMap<>();
    private static final Map<String, OnnxJavaType> OUTPUTS = new HashMap<>();

    static {
        INPUTS.put(NeighbourGraph.IN_HISTORY, OnnxJavaType.INT64);
        INPUTS.put(NeighbourGraph.IN_EXCLUDE, OnnxJavaType.INT64);
        INPUTS.put(NeighbourGraph.IN_K, OnnxJavaType.INT64);
        OUTPUTS.put(NeighbourGraph.OUT_SCORES, OnnxJavaType.FLOAT);
        OUTPUTS.put(NeighbourGraph.OUT_ITEMS, OnnxJavaType.INT64);
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String strategy;
    private final String architecture;
    private final int maxLength;
    private final List<String> itemIds;
    private final Map<String, Integer> index;
    private final ModelProvenance provenance;
    private final long artifactBytes;

    private OnnxSequenceModel(OrtEnvironment environment, OrtSession session, String strategy, String architecture,
                              int maxLength, List<String> itemIds, ModelProvenance provenance, long artifactBytes) {
        this.environment = environment;
        this.session = session;
        this.strategy = strategy;
        this.architecture = architecture;
        this.maxLength = maxLength;
        this.itemIds = Collections.unmodifiableList(itemIds);
        this.provenance = provenance;
        this.artifactBytes = artifactBytes;
        this.index = OnnxSessions.index(itemIds);
    }

    /**
     * Loads and validates a model.
     *
     * @throws ModelLoadException if the bytes are not a valid, consistent Shelfwise sequence graph
     */
    public static OnnxSequenceModel load(byte[] onnx) throws ModelLoadException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session = OnnxSessions.open(environment, onnx);
        try {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            OnnxSessions.checkFormat(metadata, SequenceGraph.FORMAT, "sequence graph");
            checkSignature("input", session.getInputInfo(), INPUTS);
            checkSignature("output", session.getOutputInfo(), OUTPUTS);
            List<String> items = items(metadata.get(NeighbourGraph.META_ITEMS));
            int maxLength = maxLength(metadata.get(SequenceGraph.META_MAX_LENGTH));
            ModelProvenance provenance = OnnxSessions.provenance(
                    metadata.get(ONNXExportable.PROVENANCE_METADATA_FIELD));
            String strategy = metadata.getOrDefault(NeighbourGraph.META_STRATEGY, "unnamed");
            String architecture = metadata.getOrDefault(SequenceGraph.META_ARCHITECTURE, "unknown");
            OnnxSequenceModel model = new OnnxSequenceModel(environment, session, strategy, architecture, maxLength,
                    items, provenance, onnx.length);
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

    private static int maxLength(String value) throws ModelLoadException {
        try {
            int length = Integer.parseInt(value);
            if (length >= 1) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModelLoadException("The model's maximum history length '" + value + "' (metadata "
                + SequenceGraph.META_MAX_LENGTH + ") is not a positive number");
    }

    /** Ranks the whole catalogue for a one-item history: the embedding table must match the item list. */
    private void dryRun() throws OrtException, ModelLoadException {
        int n = itemIds.size();
        RankedItems all = rank(new int[] {0}, new int[0], n);
        if (all.size() != n) {
            throw new ModelLoadException("The graph ranks " + all.size() + " items but lists " + n);
        }
        boolean[] seen = new boolean[n];
        for (int r = 0; r < all.size(); r++) {
            int item = all.item(r);
            if (item < 0 || item >= n || seen[item] || Float.isNaN(all.score(r))) {
                throw new ModelLoadException("The graph's embedding table does not match its item list of " + n);
            }
            seen[item] = true;
        }
    }

    @Override
    public boolean attributesToHistory() {
        return false;
    }

    @Override
    public RankedItems rank(int[] history, int[] exclude, int k) throws OrtException {
        int n = itemIds.size();
        int limit = Math.min(k, n);
        for (int item : history) {
            if (item < 0 || item >= n) {
                throw new IllegalArgumentException("History item " + item + " is outside the catalogue of " + n);
            }
        }
        int[] recent = SequenceModel.recent(history, n, maxLength);
        if (limit <= 0 || recent.length == 0) {
            return new RankedItems(new int[0], new float[0], new int[0]);
        }
        long[] historyIds = new long[recent.length];
        for (int p = 0; p < recent.length; p++) {
            historyIds[p] = recent[p];
        }
        long[] excludeIds = new long[exclude.length];
        for (int e = 0; e < exclude.length; e++) {
            if (exclude[e] < 0 || exclude[e] >= n) {
                throw new IllegalArgumentException("Excluded item " + exclude[e] + " is outside the catalogue of " + n);
            }
            excludeIds[e] = exclude[e];
        }
        Map<String, OnnxTensor> inputs = new HashMap<>(4);
        try {
            inputs.put(NeighbourGraph.IN_HISTORY, OnnxTensor.createTensor(environment, LongBuffer.wrap(historyIds),
                    new long[] {historyIds.length}));
            inputs.put(NeighbourGraph.IN_EXCLUDE, OnnxTensor.createTensor(environment, LongBuffer.wrap(excludeIds),
                    new long[] {excludeIds.length}));
            inputs.put(NeighbourGraph.IN_K, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {limit}),
                    new long[] {1}));
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer scores = ((OnnxTensor) result.get(NeighbourGraph.OUT_SCORES).get()).getFloatBuffer();
                LongBuffer items = ((OnnxTensor) result.get(NeighbourGraph.OUT_ITEMS).get()).getLongBuffer();
                int count = 0;
                while (count < scores.remaining() && scores.get(count) > NeighbourGraph.EXCLUDED / 2) {
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
                return new RankedItems(ids, values, sources);
            }
        } finally {
            for (OnnxTensor tensor : inputs.values()) {
                tensor.close();
            }
        }
    }

    @Override
    public String strategy() {
        return strategy;
    }

    /** {@code gru} or {@code sasrec}. */
    public String architecture() {
        return architecture;
    }

    /** The most recent history items the model reads. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public List<String> itemIds() {
        return itemIds;
    }

    @Override
    public int indexOf(String itemId) {
        Integer i = index.get(itemId);
        return i == null ? -1 : i;
    }

    @Override
    public ModelProvenance provenance() {
        return provenance;
    }

    @Override
    public long artifactBytes() {
        return artifactBytes;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }
}

package io.shelfwise.recommend.upload;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.shelfwise.internal.QuotedText;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.onnx.ModelStructure;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.onnx.SequenceGraph;
import io.shelfwise.recommend.upload.UploadFinding.Severity;
import org.tribuo.ONNXExportable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Checks a model file a store developer uploads (bring your own model) before it may be registered as READY: it
 * is no larger than the limit (refused before it is read in full); its protobuf parses and holds nothing serving
 * refuses ({@link ModelStructure}: external data, functions, subgraphs, other operator domains), checked before
 * ONNX Runtime is given the bytes; ONNX Runtime can load it; it is one of the graph formats serving reads with
 * exactly their inputs and outputs (names, element types, ranks); its item-id list is non-empty, unique and
 * mostly known to the catalogue; and a dry run over a few sample histories, each ranked without exclusions and
 * then excluding what came first, returns in-range, distinct, finite, ordered results and no excluded item.
 * Finally serving's own loader must accept it. The contract is documented in {@code docs/bring-your-own-model.md}.
 * <p>
 * Every check that can run does, so one upload reports all its problems at once. Bytes are only ever read from
 * the given stream; no path is opened, and no file a model names is. Messages never repeat a value computed by
 * the model (scores, out-of-range indices, output sizes): only names, item ids from its metadata (cut short) and
 * positions the check chose. Thread-safe (immutable; each check opens its own sessions).
 */
public final class UploadedModelCheck {

    /** Default upload limit: 64 MB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default share of the model's item ids the catalogue must know. */
    public static final double DEFAULT_MIN_KNOWN_FRACTION = 0.8;
    private static final int SAMPLE_HISTORIES = 5;
    private static final int DRY_RUN_K = 10;
    private static final int MAX_LISTED = 5;
    private static final int MAX_QUOTED = 60;
    private static final int MAX_REASON = 300;

    private final long maxBytes;
    private final double minKnownFraction;
    private final long seed;

    private UploadedModelCheck(Builder b) {
        this.maxBytes = b.maxBytes;
        this.minKnownFraction = b.minKnownFraction;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A check with the default limits. */
    public static UploadedModelCheck standard() {
        return builder().build();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public double minKnownFraction() {
        return minKnownFraction;
    }

    /**
     * Reads an upload (at most {@link #maxBytes()} + 1 bytes) and checks it. The stream is not closed.
     *
     * @param declaredBytes the size the client announced (e.g. the multipart part's size), or -1 when unknown; a
     *                      declared size above the limit is refused without reading anything
     * @param knownItemIds  the catalogue's product ids; {@code null} or empty skips the comparison (with a note)
     * @throws IOException if the stream cannot be read
     */
    public UploadCheckResult check(InputStream content, long declaredBytes, Set<String> knownItemIds)
            throws IOException {
        Objects.requireNonNull(content, "content");
        if (declaredBytes > maxBytes) {
            return tooLarge(declaredBytes);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                (int) Math.min(Math.max(declaredBytes, 1 << 16), maxBytes + 1));
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = content.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            bytes.write(buffer, 0, n);
            total += n;
            if (total > maxBytes) {
                return tooLarge(-1);
            }
        }
        return check(bytes.toByteArray(), knownItemIds);
    }

    private UploadCheckResult tooLarge(long declared) {
        String size = declared >= 0 ? "The file is " + megabytes(declared) : "The file is larger than "
                + megabytes(maxBytes);
        List<UploadFinding> findings = new ArrayList<>();
        findings.add(new UploadFinding(Severity.ERROR, size + "; uploads are limited to " + megabytes(maxBytes)
                + " (shelfwise.upload.max.megabytes). Reduce the catalogue or embedding size, or raise the limit."));
        return new UploadCheckResult(findings, null, null, 0, declared >= 0 ? declared : maxBytes + 1, null);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Checks bytes already in memory.
     *
     * @param knownItemIds the catalogue's product ids; {@code null} or empty skips the comparison (with a note)
     */
    public UploadCheckResult check(byte[] onnx, Set<String> knownItemIds) {
        Objects.requireNonNull(onnx, "onnx");
        Findings findings = new Findings();
        if (onnx.length > maxBytes) {
            return tooLarge(onnx.length);
        }
        if (onnx.length == 0) {
            findings.error("The file is empty. Upload the .onnx file your export wrote.");
            return findings.result(null, null, 0, 0, onnx);
        }
        // ONNX Runtime follows external-data paths while it loads, so what it must not see is refused first
        ModelStructure structure = ModelStructure.of(onnx);
        if (!structure.parsed()) {
            findings.error("ONNX Runtime cannot read the file as an ONNX model: " + structure.parseFailure()
                    + ". It may be corrupt, truncated or not ONNX at all: export it again and upload the .onnx file.");
            return findings.result(null, null, 0, onnx.length, onnx);
        }
        if (!structure.accepted()) {
            for (String refusal : structure.refusals()) {
                findings.error(refusal);
            }
            return findings.result(null, null, 0, onnx.length, onnx);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(onnx, options);
        } catch (OrtException e) {
            findings.error("ONNX Runtime cannot read the file as an ONNX model (" + ortReason(e)
                    + "). It may be corrupt, truncated or not ONNX at all: export it again and upload the .onnx file.");
            return findings.result(null, null, 0, onnx.length, onnx);
        }
        String format = null;
        String strategy = null;
        List<String> items = Collections.<String>emptyList();
        try {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            format = metadata.get(NeighbourGraph.META_FORMAT);
            strategy = metadata.get(NeighbourGraph.META_STRATEGY);
            GraphContract contract = GraphContract.of(format);
            if (contract == null) {
                findings.error("Metadata " + NeighbourGraph.META_FORMAT + " is "
                        + (format == null ? "missing" : quoted(format)) + "; it must be '"
                        + SequenceGraph.FORMAT + "' or '" + NeighbourGraph.FORMAT + "' (see docs/bring-your-own-model.md)");
            } else {
                checkTensors(findings, "input", session.getInputInfo(), contract.inputs);
                checkTensors(findings, "output", session.getOutputInfo(), contract.outputs);
                checkFormatMetadata(findings, contract, metadata);
            }
            items = checkItems(findings, metadata.get(NeighbourGraph.META_ITEMS), knownItemIds);
            if (metadata.get(ONNXExportable.PROVENANCE_METADATA_FIELD) == null) {
                findings.note("The model carries no Tribuo provenance (metadata "
                        + ONNXExportable.PROVENANCE_METADATA_FIELD + "): the admin will show none for it.");
            }
            if (strategy == null) {
                findings.note("Metadata " + NeighbourGraph.META_STRATEGY + " is missing; the model is named by the "
                        + "strategy it is uploaded as.");
            }
            if (!findings.failed() && contract != null) {
                dryRun(findings, environment, session, contract, metadata, items);
            }
        } catch (OrtException e) {
            findings.error("ONNX Runtime cannot read the model's inputs, outputs or metadata (" + ortReason(e) + ")");
        } finally {
            try {
                session.close();
            } catch (OrtException e) {
                // nothing left to release
            }
        }
        if (!findings.failed()) {
            try (RankingModel model = RankingModels.load(onnx)) {
                findings.note("Serving loads it: " + model.itemIds().size() + " items, format " + format + ".");
            } catch (ModelLoadException | RuntimeException e) {
                findings.error("Serving's loader refuses the model: " + withoutStatus(String.valueOf(e.getMessage())));
            }
        }
        return findings.result(format, strategy, items.size(), onnx.length, onnx);
    }

    private static void checkTensors(Findings findings, String kind, Map<String, NodeInfo> actual,
                                     Map<String, TensorSpec> expected) {
        for (TensorSpec spec : expected.values()) {
            NodeInfo info = actual.get(spec.name);
            if (info == null) {
                findings.error("The graph has no " + kind + " '" + spec.name + "' (" + spec + "); its " + kind
                        + "s are " + names(actual.keySet()));
                continue;
            }
            if (!(info.getInfo() instanceof TensorInfo)) {
                findings.error("The graph's " + kind + " '" + spec.name + "' is not a tensor; expected " + spec);
                continue;
            }
            TensorInfo tensor = (TensorInfo) info.getInfo();
            if (tensor.type != spec.type) {
                findings.error("The graph's " + kind + " '" + spec.name + "' holds " + tensor.type + ", expected "
                        + spec);
            }
            long[] shape = tensor.getShape();
            if (shape.length != spec.dims.length) {
                findings.error("The graph's " + kind + " '" + spec.name + "' has shape " + shape(shape)
                        + " (" + shape.length + "-D), expected " + spec);
                continue;
            }
            for (int d = 0; d < shape.length; d++) {
                if (spec.dims[d] > 0 && shape[d] > 0 && shape[d] != spec.dims[d]) {
                    findings.error("The graph's " + kind + " '" + spec.name + "' has shape " + shape(shape)
                            + ", expected " + spec);
                } else if (spec.dims[d] < 0 && shape[d] > 0 && spec.dynamic) {
                    findings.error("The graph's " + kind + " '" + spec.name + "' has the fixed shape "
                            + shape(shape) + "; dimension " + d + " must be dynamic (" + spec + ")");
                }
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                findings.error("The graph has an unexpected " + kind + " " + quoted(name) + ": serving feeds and reads "
                        + "only " + expected.keySet() + "; remove it from the export");
            }
        }
    }

    private static String shape(long[] shape) {
        StringBuilder text = new StringBuilder("[");
        for (int d = 0; d < shape.length; d++) {
            text.append(d == 0 ? "" : ", ").append(shape[d] < 0 ? "?" : Long.toString(shape[d]));
        }
        return text.append(']').toString();
    }

    private static void checkFormatMetadata(Findings findings, GraphContract contract, Map<String, String> metadata) {
        if (contract.neighbour) {
            String value = metadata.get(NeighbourGraph.META_RECENCY_DECAY);
            double decay = parseDouble(value);
            if (!(decay > 0 && decay <= 1)) {
                findings.error("Metadata " + NeighbourGraph.META_RECENCY_DECAY + " is "
                        + (value == null ? "missing" : quoted(value)) + "; it must be a number in (0, 1] "
                        + "(1: every history item weighs the same)");
            }
        } else {
            String value = metadata.get(SequenceGraph.META_MAX_LENGTH);
            int length;
            try {
                length = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                length = 0;
            }
            if (length < 1) {
                findings.error("Metadata " + SequenceGraph.META_MAX_LENGTH + " is "
                        + (value == null ? "missing" : quoted(value)) + "; it must be a positive whole number: "
                        + "the most recent history items the model reads");
            }
        }
    }

    private static double parseDouble(String value) {
        try {
            return value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private List<String> checkItems(Findings findings, String joined, Set<String> known) {
        if (joined == null || joined.isEmpty()) {
            findings.error("The model lists no item ids (metadata " + NeighbourGraph.META_ITEMS
                    + ": the catalogue's product ids, one per line, in the order of the model's item indices)");
            return Collections.<String>emptyList();
        }
        List<String> items = Arrays.asList(joined.split("\n"));
        int blank = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String item : items) {
            if (item.trim().isEmpty()) {
                blank++;
            }
            counts.merge(item, 1, Integer::sum);
        }
        if (blank > 0) {
            findings.error("The item-id list has " + blank + " blank id(s) (metadata " + NeighbourGraph.META_ITEMS
                    + "); every line must be a product id, with no empty lines");
        }
        List<String> repeated = new ArrayList<>();
        int duplicates = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1 && !e.getKey().trim().isEmpty()) {
                duplicates++;
                if (repeated.size() < MAX_LISTED) {
                    repeated.add(quoted(e.getKey()) + " x" + e.getValue());
                }
            }
        }
        if (duplicates > 0) {
            findings.error("The item-id list repeats " + duplicates + " id(s): " + String.join(", ", repeated)
                    + (duplicates > repeated.size() ? ", ..." : "") + ". Each product must appear once, at the index "
                    + "the model scores it under.");
        }
        if (known == null || known.isEmpty()) {
            findings.note("The item ids were not compared with the catalogue (no catalogue ids given).");
        } else {
            List<String> unknown = new ArrayList<>();
            int unknownCount = 0;
            for (String item : counts.keySet()) {
                if (!known.contains(item)) {
                    unknownCount++;
                    if (unknown.size() < MAX_LISTED) {
                        unknown.add(quoted(item));
                    }
                }
            }
            int distinct = counts.size();
            double fraction = (distinct - unknownCount) / (double) distinct;
            String listed = String.join(", ", unknown) + (unknownCount > unknown.size() ? ", ..." : "");
            if (fraction < minKnownFraction) {
                findings.error(String.format(Locale.ROOT, "Only %d of the model's %d item ids (%.0f%%) are products "
                                + "of this catalogue; at least %.0f%% must be. Unknown: %s. Use the store's product "
                                + "ids, not row numbers or SKUs of another system.", distinct - unknownCount, distinct,
                        fraction * 100, minKnownFraction * 100, listed));
            } else if (unknownCount > 0) {
                findings.warning(unknownCount + " of the model's " + distinct + " item ids are not in the catalogue "
                        + "and will never be recommended: " + listed);
            }
        }
        return items;
    }

    /**
     * Runs the graph itself on sample histories, each twice: without exclusions, then excluding the items that run
     * ranked (and the history), as serving excludes the cart and what was bought; an excluded item may come back
     * only with the excluded score. A model that ignores {@code exclude} therefore fails however it ranks.
     */
    private void dryRun(Findings findings, OrtEnvironment environment, OrtSession session, GraphContract contract,
                        Map<String, String> metadata, List<String> itemIds) throws OrtException {
        int n = itemIds.size();
        Random random = new Random(seed);
        double decay = contract.neighbour ? parseDouble(metadata.get(NeighbourGraph.META_RECENCY_DECAY)) : 1;
        List<int[]> histories = new ArrayList<>();
        if (contract.neighbour) {
            histories.add(new int[0]);
        }
        // serving feeds a sequence graph at most its maximum length of recent items
        int longest = contract.neighbour ? Integer.MAX_VALUE
                : Integer.parseInt(metadata.get(SequenceGraph.META_MAX_LENGTH));
        int[] lengths = {1, 3, 8, 20, 50};
        for (int s = 0; s < SAMPLE_HISTORIES; s++) {
            int[] history = new int[Math.min(longest, lengths[s % lengths.length])];
            for (int p = 0; p < history.length; p++) {
                history[p] = random.nextInt(n);
            }
            histories.add(history);
        }
        int k = Math.min(DRY_RUN_K, n);
        for (int[] history : histories) {
            String where = "Dry run with a history of " + history.length + " item(s), k = " + k;
            Ranking open = rank(environment, session, contract, history, new int[0], k, n, decay);
            if (open.problem != null) {
                findings.error(where + ", no exclusions: " + open.problem);
                return;
            }
            int[] exclude = union(open.items, history);
            Ranking masked = rank(environment, session, contract, history, exclude, k, n, decay);
            String problem = masked.problem != null ? masked.problem : excludedReturned(masked, exclude, itemIds);
            if (problem != null) {
                findings.error(where + ", excluding the " + exclude.length + " item(s) ranked first or in the "
                        + "history: " + problem);
                return;
            }
        }
        findings.note("Dry run: " + histories.size() + " sample histories ranked with in-range, distinct, finite, "
                + "ordered scores, each again excluding the items ranked first: none of them returned.");
    }

    /** The distinct indices of both, in order of first appearance. */
    private static int[] union(long[] ranked, int[] history) {
        Set<Integer> all = new java.util.LinkedHashSet<>();
        for (long item : ranked) {
            all.add((int) item);
        }
        for (int item : history) {
            all.add(item);
        }
        int[] out = new int[all.size()];
        int i = 0;
        for (int item : all) {
            out[i++] = item;
        }
        return out;
    }

    /** The first excluded item returned as a recommendation (above the excluded score), named by its id. */
    private static String excludedReturned(Ranking ranking, int[] exclude, List<String> itemIds) {
        Set<Long> excluded = new HashSet<>();
        for (int e : exclude) {
            excluded.add((long) e);
        }
        for (int r = 0; r < ranking.items.length; r++) {
            if (excluded.contains(ranking.items[r]) && ranking.scores[r] > NeighbourGraph.EXCLUDED / 2) {
                // the index is one the check itself excluded, so naming its id reveals nothing the model computed
                return "excluded item " + quoted(itemIds.get((int) ranking.items[r])) + " is returned at rank " + r
                        + " with a score above " + NeighbourGraph.EXCLUDED / 2 + ". The graph must honour the input '"
                        + NeighbourGraph.IN_EXCLUDE + "': leave excluded items out, or give them a score of "
                        + NeighbourGraph.EXCLUDED + " or lower";
            }
        }
        return null;
    }

    /** One run's outputs, or what is wrong with them. */
    private static final class Ranking {
        final float[] scores;
        final long[] items;
        final String problem;

        private Ranking(float[] scores, long[] items, String problem) {
            this.scores = scores;
            this.items = items;
            this.problem = problem;
        }

        static Ranking failed(String problem) {
            return new Ranking(null, null, problem);
        }
    }

    private static Ranking rank(OrtEnvironment environment, OrtSession session, GraphContract contract,
                                int[] history, int[] exclude, int k, int n, double decay) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(NeighbourGraph.IN_HISTORY, OnnxTensor.createTensor(environment,
                    LongBuffer.wrap(longs(history)), new long[] {history.length}));
            inputs.put(NeighbourGraph.IN_EXCLUDE, OnnxTensor.createTensor(environment,
                    LongBuffer.wrap(longs(exclude)), new long[] {exclude.length}));
            inputs.put(NeighbourGraph.IN_K, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {k}),
                    new long[] {1}));
            if (contract.neighbour) {
                float[] weights = new float[history.length];
                double weight = 1;
                for (int p = history.length - 1; p >= 0; p--) {
                    weights[p] = (float) weight;
                    weight *= decay;
                }
                inputs.put(NeighbourGraph.IN_WEIGHTS, OnnxTensor.createTensor(environment, FloatBuffer.wrap(weights),
                        new long[] {weights.length}));
            }
            OrtSession.Result result;
            try {
                result = session.run(inputs);
            } catch (OrtException e) {
                return Ranking.failed("ONNX Runtime failed (" + ortReason(e) + ")");
            }
            try {
                float[] scores = floats(result, NeighbourGraph.OUT_SCORES);
                long[] items = longsOf(result, NeighbourGraph.OUT_ITEMS);
                if (scores == null || items == null) {
                    return Ranking.failed("the outputs " + NeighbourGraph.OUT_SCORES + " and "
                            + NeighbourGraph.OUT_ITEMS + " must be float and int64 tensors");
                }
                // what the model computed is not repeated back: only whether it is wrong, and at which rank
                if (scores.length != k || items.length != k) {
                    return Ranking.failed("the graph returned " + (scores.length == items.length
                            ? (scores.length < k ? "fewer" : "more") : "a different number of")
                            + " scores and items than k; return exactly k, the value of input '"
                            + NeighbourGraph.IN_K + "'");
                }
                Set<Long> seen = new HashSet<>();
                for (int r = 0; r < k; r++) {
                    if (Float.isNaN(scores[r]) || Float.isInfinite(scores[r])) {
                        return Ranking.failed("the score at rank " + r + " is not a finite number (NaN or "
                                + "infinite); scores must be finite");
                    }
                    if (items[r] < 0 || items[r] >= n) {
                        return Ranking.failed("the item index at rank " + r + " is outside the item list of " + n
                                + " (indices are line numbers of " + NeighbourGraph.META_ITEMS + ", from 0)");
                    }
                    if (!seen.add(items[r])) {
                        return Ranking.failed("the item at rank " + r + " was already returned at a higher rank; "
                                + "return each item at most once");
                    }
                    if (r > 0 && scores[r] > scores[r - 1]) {
                        return Ranking.failed("scores are not in descending order at rank " + r
                                + "; return the best first");
                    }
                }
                if (contract.neighbour) {
                    String problem = explanations(result, history.length, n);
                    if (problem != null) {
                        return Ranking.failed(problem);
                    }
                }
                return new Ranking(scores, items, null);
            } finally {
                result.close();
            }
        } finally {
            for (OnnxTensor tensor : inputs.values()) {
                tensor.close();
            }
        }
    }

    /** The neighbour format's explanation outputs: [history length, M], valid indices, finite contributions. */
    private static String explanations(OrtSession.Result result, int historyLength, int n) {
        int[] neighbours = ints(result, NeighbourGraph.OUT_NEIGHBOURS);
        float[] contributions = floats(result, NeighbourGraph.OUT_CONTRIBUTIONS);
        if (neighbours == null || contributions == null || neighbours.length != contributions.length
                || (historyLength == 0 ? neighbours.length != 0 : neighbours.length % historyLength != 0)) {
            return "the outputs " + NeighbourGraph.OUT_NEIGHBOURS + " and " + NeighbourGraph.OUT_CONTRIBUTIONS
                    + " must both be [history length, M]";
        }
        for (int i = 0; i < neighbours.length; i++) {
            if (neighbours[i] < 0 || neighbours[i] >= n) {
                return NeighbourGraph.OUT_NEIGHBOURS + " holds an item index outside the item list of " + n;
            }
            if (Float.isNaN(contributions[i]) || Float.isInfinite(contributions[i])) {
                return NeighbourGraph.OUT_CONTRIBUTIONS + " holds a value that is not finite (NaN or infinite); "
                        + "contributions must be finite";
            }
        }
        return null;
    }

    private static long[] longs(int[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static OnnxTensor tensor(OrtSession.Result result, String name) {
        OnnxValue value = result.get(name).orElse(null);
        return value instanceof OnnxTensor ? (OnnxTensor) value : null;
    }

    private static float[] floats(OrtSession.Result result, String name) {
        OnnxTensor tensor = tensor(result, name);
        if (tensor == null || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            return null;
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static long[] longsOf(OrtSession.Result result, String name) {
        OnnxTensor tensor = tensor(result, name);
        if (tensor == null || tensor.getInfo().type != OnnxJavaType.INT64) {
            return null;
        }
        LongBuffer buffer = tensor.getLongBuffer();
        long[] out = new long[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static int[] ints(OrtSession.Result result, String name) {
        OnnxTensor tensor = tensor(result, name);
        if (tensor == null || tensor.getInfo().type != OnnxJavaType.INT32) {
            return null;
        }
        IntBuffer buffer = tensor.getIntBuffer();
        int[] out = new int[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /**
     * ONNX Runtime's explanation, without the status detail of a failed run: that detail can quote values the
     * graph computed (an index out of bounds), and only the failing node is worth naming.
     */
    private static String ortReason(OrtException e) {
        return withoutStatus(e.getMessage() == null ? "no message" : e.getMessage());
    }

    private static String withoutStatus(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int status = line.indexOf(" Status Message:");
        if (status >= 0) {
            line = line.substring(0, status);
        }
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** Text from the model (an id, a name, a metadata value), quoted and cut short. */
    static String quoted(String text) {
        return QuotedText.of(text, MAX_QUOTED);
    }

    private static String names(Collection<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String name : names) {
            if (quoted.size() == MAX_LISTED) {
                quoted.add("...");
                break;
            }
            quoted.add(quoted(name));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    /** One expected input or output: name, element type, dimensions (-1 for a named, dynamic one). */
    private static final class TensorSpec {
        final String name;
        final OnnxJavaType type;
        final long[] dims;
        final String[] labels;
        /** Dynamic dimensions may not be fixed (the history length varies per request). */
        final boolean dynamic;

        TensorSpec(String name, OnnxJavaType type, boolean dynamic, Object... dims) {
            this.name = name;
            this.type = type;
            this.dynamic = dynamic;
            this.dims = new long[dims.length];
            this.labels = new String[dims.length];
            for (int d = 0; d < dims.length; d++) {
                this.dims[d] = dims[d] instanceof Integer ? (Integer) dims[d] : -1;
                this.labels[d] = dims[d].toString();
            }
        }

        @Override
        public String toString() {
            return type.name().toLowerCase(Locale.ROOT) + " [" + String.join(", ", labels) + "]";
        }
    }

    /** The inputs and outputs serving feeds and reads for one graph format. */
    private static final class GraphContract {
        final boolean neighbour;
        final Map<String, TensorSpec> inputs = new LinkedHashMap<>();
        final Map<String, TensorSpec> outputs = new LinkedHashMap<>();

        private GraphContract(boolean neighbour) {
            this.neighbour = neighbour;
            put(inputs, new TensorSpec(NeighbourGraph.IN_HISTORY, OnnxJavaType.INT64, true, "h"));
            if (neighbour) {
                put(inputs, new TensorSpec(NeighbourGraph.IN_WEIGHTS, OnnxJavaType.FLOAT, true, "h"));
            }
            put(inputs, new TensorSpec(NeighbourGraph.IN_EXCLUDE, OnnxJavaType.INT64, true, "e"));
            put(inputs, new TensorSpec(NeighbourGraph.IN_K, OnnxJavaType.INT64, false, 1));
            put(outputs, new TensorSpec(NeighbourGraph.OUT_SCORES, OnnxJavaType.FLOAT, false, "k"));
            put(outputs, new TensorSpec(NeighbourGraph.OUT_ITEMS, OnnxJavaType.INT64, false, "k"));
            if (neighbour) {
                put(outputs, new TensorSpec(NeighbourGraph.OUT_NEIGHBOURS, OnnxJavaType.INT32, false, "h", "M"));
                put(outputs, new TensorSpec(NeighbourGraph.OUT_CONTRIBUTIONS, OnnxJavaType.FLOAT, false, "h", "M"));
            }
        }

        private static void put(Map<String, TensorSpec> map, TensorSpec spec) {
            map.put(spec.name, spec);
        }

        static GraphContract of(String format) {
            if (NeighbourGraph.FORMAT.equals(format)) {
                return new GraphContract(true);
            }
            if (SequenceGraph.FORMAT.equals(format)) {
                return new GraphContract(false);
            }
            return null;
        }
    }

    /** Findings in the order they were made. */
    private static final class Findings {
        private final List<UploadFinding> list = new ArrayList<>();

        void error(String message) {
            list.add(new UploadFinding(Severity.ERROR, message));
        }

        void warning(String message) {
            list.add(new UploadFinding(Severity.WARNING, message));
        }

        void note(String message) {
            list.add(new UploadFinding(Severity.NOTE, message));
        }

        boolean failed() {
            for (UploadFinding finding : list) {
                if (finding.isError()) {
                    return true;
                }
            }
            return false;
        }

        UploadCheckResult result(String format, String strategy, int items, long bytes, byte[] artifact) {
            return new UploadCheckResult(list, format, strategy, items, bytes, artifact);
        }
    }

    /** Settings of a check; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private long maxBytes = DEFAULT_MAX_BYTES;
        private double minKnownFraction = DEFAULT_MIN_KNOWN_FRACTION;
        private long seed = 17;

        private Builder() {
        }

        /** Largest upload accepted, in bytes (default 64 MB). */
        public Builder maxBytes(long value) {
            this.maxBytes = value;
            return this;
        }

        /** Share of the model's distinct item ids the catalogue must know, in [0, 1] (default 0.8). */
        public Builder minKnownFraction(double value) {
            this.minKnownFraction = value;
            return this;
        }

        /** Seed of the sample histories of the dry run. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting out of range */
        public UploadedModelCheck build() {
            if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("The upload limit must be 1 byte to 2 GB, was " + maxBytes
                        + " (shelfwise.upload.max.megabytes)");
            }
            if (!(minKnownFraction >= 0 && minKnownFraction <= 1)) {
                throw new IllegalArgumentException("The share of item ids the catalogue must know is a fraction in "
                        + "[0, 1], was " + minKnownFraction + " (shelfwise.upload.min.known.fraction)");
            }
            return new UploadedModelCheck(this);
        }
    }
}

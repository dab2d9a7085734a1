package io.shelfwise.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.oracle.labs.mlrg.olcut.provenance.io.ProvenanceSerializationException;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import org.tribuo.ONNXExportable;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What loading any Shelfwise graph into ONNX Runtime shares: session settings and the checks of its metadata. */
public final class OnnxSessions {

    private OnnxSessions() {
    }

    /**
     * A session over the bytes, or a ModelLoadException saying they are not ONNX or hold what serving refuses
     * ({@link ModelStructure}: external data, functions, subgraphs, other operator domains). The structure is
     * checked before ONNX Runtime sees the bytes, so an artifact swapped on disk cannot make it read other files.
     */
    public static OrtSession open(OrtEnvironment environment, byte[] onnx) throws ModelLoadException {
        if (onnx == null || onnx.length == 0) {
            throw new ModelLoadException("The model file is empty");
        }
        ModelStructure structure = ModelStructure.of(onnx);
        if (!structure.parsed()) {
            throw new ModelLoadException("Not a valid ONNX model: " + structure.parseFailure());
        }
        if (!structure.accepted()) {
            throw new ModelLoadException("The model is refused before loading: "
                    + String.join(" ", structure.refusals()));
        }
        try (OrtSession.SessionOptions options = sessionOptions()) {
            return environment.createSession(onnx, options);
        } catch (OrtException e) {
            throw new ModelLoadException("Not a valid ONNX model (ONNX Runtime: " + firstLine(e.getMessage()) + ")", e);
        }
    }

    /** Refuses a graph whose metadata does not name the expected format. */
    public static void checkFormat(Map<String, String> metadata, String expected, String kind) throws ModelLoadException {
        String format = metadata.get(NeighbourGraph.META_FORMAT);
        if (!expected.equals(format)) {
            throw new ModelLoadException("Not a Shelfwise " + kind + ": metadata " + NeighbourGraph.META_FORMAT
                    + " is " + (format == null ? "missing" : "'" + format + "'") + ", expected '" + expected + "'");
        }
    }

    /** Item id to catalogue index. */
    public static Map<String, Integer> index(List<String> itemIds) {
        Map<String, Integer> map = new HashMap<>(itemIds.size() * 2);
        for (int i = 0; i < itemIds.size(); i++) {
            map.put(itemIds.get(i), i);
        }
        return map;
    }

    /** Settings that gave the steadiest latency on a shared 2-core machine (see ../shared/DESIGN.md). */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    public static void checkSignature(String kind, Map<String, NodeInfo> actual, Map<String, OnnxJavaType> expected)
            throws ModelLoadException {
        for (Map.Entry<String, OnnxJavaType> e : expected.entrySet()) {
            NodeInfo info = actual.get(e.getKey());
            if (info == null || !(info.getInfo() instanceof TensorInfo)) {
                throw new ModelLoadException("The graph has no tensor " + kind + " '" + e.getKey() + "'; it has "
                        + actual.keySet());
            }
            OnnxJavaType type = ((TensorInfo) info.getInfo()).type;
            if (type != e.getValue()) {
                throw new ModelLoadException("The graph's " + kind + " '" + e.getKey() + "' is " + type + ", expected "
                        + e.getValue());
            }
        }
        if (actual.size() != expected.size()) {
            throw new ModelLoadException("The graph has " + kind + "s " + actual.keySet() + ", expected "
                    + expected.keySet());
        }
    }

    public static List<String> items(String joined) throws ModelLoadException {
        if (joined == null || joined.isEmpty()) {
            throw new ModelLoadException("The model lists no items (metadata " + NeighbourGraph.META_ITEMS + ")");
        }
        List<String> items = new ArrayList<>(Arrays.asList(joined.split("\n")));
        if (items.size() != new java.util.HashSet<>(items).size()) {
            throw new ModelLoadException("The model's item list has duplicate ids");
        }
        return items;
    }

    /** The graph's Tribuo provenance; {@code null} when it carries none (a model exported elsewhere and uploaded). */
    public static ModelProvenance provenance(String serialized) throws ModelLoadException {
        if (serialized == null) {
            return null;
        }
        try {
            return (ModelProvenance) ONNXExportable.SERIALIZER.deserializeAndUnmarshal(serialized);
        } catch (ProvenanceSerializationException | RuntimeException e) {
            throw new ModelLoadException("The model's Tribuo provenance cannot be read: " + e.getMessage(), e);
        }
    }

    public static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing left to release
        }
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package io.shelfwise.recommend.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl;
import io.shelfwise.onnx.GraphOp;
import io.shelfwise.recommend.algo.NeighbourModel;
import org.tribuo.ONNXExportable;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXPlaceholder;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shelfwise.recommend.onnx.OnnxGraphs.property;
import static io.shelfwise.recommend.onnx.OnnxGraphs.tensor;

/**
 * Exports a {@link NeighbourModel} as an ONNX graph built with Tribuo's ONNX tooling. The neighbour tables are
 * kept sparse (an item's top neighbours, not an items x items matrix), so a 50k-item catalogue stays tens of
 * megabytes:
 * <pre>
 * ids      = Gather(neighbour_ids [N,M], history [h])           -> [h,M]
 * weighted = Gather(neighbour_weights [N,M], history) * weights[h,1]
 * scores   = ScatterElements(prior [N], ids, weighted, add)     -> [N]
 * masked   = ScatterElements(scores, exclude [e], -1e30)        -> [N]
 * top      = TopK(masked, k)                                    -> scores [k], items [k]
 * </pre>
 * The graph also returns {@code ids} and {@code weighted} so the caller can say which history item a
 * recommendation came from. The item catalogue, strategy, recency decay and Tribuo provenance travel in the
 * model's metadata.
 */
public final class NeighbourGraph {

    /** Metadata value of {@link #META_FORMAT} for graphs of this shape. */
    public static final String FORMAT = "shelfwise.neighbour-graph.v1";
    public static final String META_FORMAT = "shelfwise.format";
    public static final String META_STRATEGY = "shelfwise.strategy";
    public static final String META_ITEMS = "shelfwise.items";
    public static final String META_RECENCY_DECAY = "shelfwise.recency-decay";

    /** int64 [h]: the shopper's history as catalogue indices, oldest first. */
    public static final String IN_HISTORY = "history";
    /** float [h]: each history position's weight. */
    public static final String IN_WEIGHTS = "weights";
    /** int64 [e]: catalogue indices never to return. */
    public static final String IN_EXCLUDE = "exclude";
    /** int64 [1]: how many to return, at most the catalogue size. */
    public static final String IN_K = "k";
    public static final String OUT_SCORES = "top_scores";
    public static final String OUT_ITEMS = "top_items";
    public static final String OUT_NEIGHBOURS = "history_neighbours";
    public static final String OUT_CONTRIBUTIONS = "history_contributions";

    /** Score given to excluded items; anything at or below it is not a recommendation. */
    public static final float EXCLUDED = -1e30f;

    private NeighbourGraph() {
    }

    /** The model as ONNX, with its provenance serialised the way Tribuo's own ONNX exports carry it. */
    public static OnnxMl.ModelProto export(NeighbourModel model, ModelProvenance provenance) {
        int n = model.numItems();
        if (n == 0) {
            throw new IllegalArgumentException("Cannot export a model with an empty catalogue");
        }
        int m = Math.max(1, model.maxNeighbours());
        int[] flatIds = new int[n * m];
        float[][] weightRows = new float[n][];
        float[] prior = new float[n];
        for (int i = 0; i < n; i++) {
            int[] ids = model.neighbourIds(i);
            System.arraycopy(ids, 0, flatIds, i * m, ids.length);
            weightRows[i] = model.neighbourWeights(i);
            prior[i] = model.prior(i);
        }

        ONNXContext context = new ONNXContext();
        context.setName("shelfwise-" + model.strategy());
        ONNXPlaceholder history = context.floatInput(IN_HISTORY, 1);
        ONNXPlaceholder weights = context.floatInput(IN_WEIGHTS, 1);
        ONNXPlaceholder exclude = context.floatInput(IN_EXCLUDE, 1);
        ONNXPlaceholder k = context.floatInput(IN_K, 1);

        // Tribuo's context makes 1-D int initializers; the table is given its [N, M] shape in the built graph
        // (see twoDimensional) rather than by a Reshape node, so ONNX Runtime holds one copy of it, not two.
        ONNXInitializer neighbourIds = context.array("neighbour_ids", flatIds);
        ONNXInitializer neighbourWeights = context.floatTensor("neighbour_weights", Arrays.asList(n, m), buffer -> {
            float[] padding = new float[m];
            for (float[] row : weightRows) {
                buffer.put(row);
                buffer.put(padding, 0, m - row.length);
            }
        });
        ONNXInitializer priorScores = context.array("prior", prior);
        ONNXInitializer flat = context.array("flat_shape", new long[] {-1});
        ONNXInitializer column = context.array("column_axis", new long[] {1});
        ONNXInitializer excludedScore = context.constant("excluded_score", EXCLUDED);

        Map<String, Object> axis0 = Collections.singletonMap("axis", (Object) 0);
        ONNXNode historyIds = context.operation(GraphOp.GATHER, Arrays.asList(neighbourIds, history),
                "gathered_ids", axis0);
        ONNXNode historyWeights = context.operation(GraphOp.GATHER, Arrays.asList(neighbourWeights, history),
                "gathered_weights", axis0);
        ONNXNode positionWeights = context.operation(GraphOp.UNSQUEEZE, Arrays.asList(weights, column),
                "position_weights");
        ONNXNode contributions = context.operation(GraphOp.MUL, Arrays.asList(historyWeights, positionWeights),
                "contributions");
        ONNXNode flatIdsNode = context.operation(GraphOp.RESHAPE, Arrays.asList(historyIds, flat), "flat_ids");
        ONNXNode flatContributions = context.operation(GraphOp.RESHAPE, Arrays.asList(contributions, flat),
                "flat_contributions");
        Map<String, Object> add = new HashMap<>();
        add.put("axis", 0);
        add.put("reduction", "add");
        ONNXNode scores = context.operation(GraphOp.SCATTER_ELEMENTS,
                Arrays.asList(priorScores, flatIdsNode, flatContributions), "scores", add);
        List<ONNXNode> top = OnnxGraphs.topK(context, scores, exclude, k, excludedScore);
        context.assignTo(top.get(0), context.floatOutput(OUT_SCORES, 1));
        context.assignTo(top.get(1), context.floatOutput(OUT_ITEMS, 1));
        context.assignTo(historyIds, context.floatOutput(OUT_NEIGHBOURS, 1));
        context.assignTo(contributions, context.floatOutput(OUT_CONTRIBUTIONS, 1));

        OnnxMl.GraphProto graph = twoDimensional(context.buildGraph().toBuilder(), neighbourIds.getReference(), n, m)
                .clearInput()
                .addInput(tensor(IN_HISTORY, DataType.INT64, "h"))
                .addInput(tensor(IN_WEIGHTS, DataType.FLOAT, "h"))
                .addInput(tensor(IN_EXCLUDE, DataType.INT64, "e"))
                .addInput(tensor(IN_K, DataType.INT64, 1))
                .clearOutput()
                .addOutput(tensor(OUT_SCORES, DataType.FLOAT, "k"))
                .addOutput(tensor(OUT_ITEMS, DataType.INT64, "k"))
                .addOutput(tensor(OUT_NEIGHBOURS, DataType.INT32, "h", m))
                .addOutput(tensor(OUT_CONTRIBUTIONS, DataType.FLOAT, "h", m))
                .build();

        return OnnxGraphs.model(graph, model.toString())
                .addMetadataProps(property(META_FORMAT, FORMAT))
                .addMetadataProps(property(META_STRATEGY, model.strategy()))
                .addMetadataProps(property(META_RECENCY_DECAY, Double.toString(model.recencyDecay())))
                .addMetadataProps(property(META_ITEMS, OnnxGraphs.joinItems(model.itemIds())))
                .addMetadataProps(property(ONNXExportable.PROVENANCE_METADATA_FIELD,
                        ONNXExportable.SERIALIZER.marshalAndSerialize(provenance)))
                .build();
    }

    private static OnnxMl.GraphProto.Builder twoDimensional(OnnxMl.GraphProto.Builder graph, String initializer,
                                                            int rows, int columns) {
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals(initializer)) {
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().clearDims().addDims(rows)
                        .addDims(columns));
                return graph;
            }
        }
        throw new IllegalStateException("The graph has no initializer " + initializer);
    }
}

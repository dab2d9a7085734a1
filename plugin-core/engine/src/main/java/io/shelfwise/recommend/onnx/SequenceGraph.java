package io.shelfwise.recommend.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl;
import io.shelfwise.onnx.GraphOp;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import org.tribuo.ONNXExportable;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shelfwise.recommend.onnx.OnnxGraphs.property;
import static io.shelfwise.recommend.onnx.OnnxGraphs.tensor;

/**
 * Exports a {@link SequenceModel} (GRU4Rec-style or SASRec-style) as an ONNX graph built with Tribuo's ONNX
 * tooling and the operators of {@link GraphOp}. The caller passes the history already cut to the model's maximum
 * length (at least one item); the graph encodes it into one vector, scores every item by its dot product with the
 * item embeddings, masks the excluded items and returns the top k:
 * <pre>
 * gru:    x = Gather(items, history); _, h = GRU(x, linear_before_reset=1); scores = MatMul(items, h)
 * sasrec: x = Gather(items, history) * sqrt(d) + positions[0:h]
 *         per block: x += Attention(LayerNorm(x), causal mask); x += FFN(LayerNorm(x))
 *         scores = MatMul(items, LayerNorm(x)[h-1])
 * both:   TopK(ScatterElements(scores, exclude, -1e30), k) -> top_scores [k], top_items [k]
 * </pre>
 * Attention is built from MatMul, Softmax and Transpose: ONNX's Attention operator needs opset 23 (ORT 1.24+).
 * PyTorch's GRU gates (reset, update, new) are reordered to ONNX's (update, reset, hidden). Metadata carries the
 * format {@value #FORMAT}, strategy, architecture, maximum length, item ids and the Tribuo provenance.
 */
public final class SequenceGraph {

    public static final String FORMAT = "shelfwise.sequence-graph.v1";
    public static final String META_ARCHITECTURE = "shelfwise.architecture";
    public static final String META_MAX_LENGTH = "shelfwise.max-length";

    private SequenceGraph() {
    }

    /** The model as ONNX, with its provenance serialised the way Tribuo's own ONNX exports carry it. */
    public static OnnxMl.ModelProto export(SequenceModel model, ModelProvenance provenance) {
        ONNXContext context = new ONNXContext();
        context.setName("shelfwise-" + model.name());
        ONNXPlaceholder history = context.floatInput(NeighbourGraph.IN_HISTORY, 1);
        ONNXPlaceholder exclude = context.floatInput(NeighbourGraph.IN_EXCLUDE, 1);
        ONNXPlaceholder k = context.floatInput(NeighbourGraph.IN_K, 1);
        Builder graph = new Builder(context, model);
        ONNXInitializer items = graph.weights(SequenceModel.ITEM_EMBEDDING);
        ONNXNode user = model.settings().architecture() == SequenceSettings.Architecture.GRU
                ? graph.gru(items, history) : graph.attention(items, history);
        ONNXNode scores = graph.op(GraphOp.MATMUL, "scores", items, user);

        ONNXInitializer excludedScore = context.constant("excluded_score", NeighbourGraph.EXCLUDED);
        List<ONNXNode> top = OnnxGraphs.topK(context, scores, exclude, k, excludedScore);
        context.assignTo(top.get(0), context.floatOutput(NeighbourGraph.OUT_SCORES, 1));
        context.assignTo(top.get(1), context.floatOutput(NeighbourGraph.OUT_ITEMS, 1));

        OnnxMl.GraphProto built = context.buildGraph().toBuilder()
                .clearInput()
                .addInput(tensor(NeighbourGraph.IN_HISTORY, DataType.INT64, "h"))
                .addInput(tensor(NeighbourGraph.IN_EXCLUDE, DataType.INT64, "e"))
                .addInput(tensor(NeighbourGraph.IN_K, DataType.INT64, 1))
                .clearOutput()
                .addOutput(tensor(NeighbourGraph.OUT_SCORES, DataType.FLOAT, "k"))
                .addOutput(tensor(NeighbourGraph.OUT_ITEMS, DataType.INT64, "k"))
                .build();
        return OnnxGraphs.model(built, model.toString())
                .addMetadataProps(property(NeighbourGraph.META_FORMAT, FORMAT))
                .addMetadataProps(property(NeighbourGraph.META_STRATEGY, model.name()))
                .addMetadataProps(property(META_ARCHITECTURE, model.settings().architecture().modelName()))
                .addMetadataProps(property(META_MAX_LENGTH, Integer.toString(model.settings().maxLength())))
                .addMetadataProps(property(NeighbourGraph.META_ITEMS, OnnxGraphs.joinItems(model.itemIds())))
                .addMetadataProps(property(ONNXExportable.PROVENANCE_METADATA_FIELD,
                        ONNXExportable.SERIALIZER.marshalAndSerialize(provenance)))
                .build();
    }

    /** Node-building shorthand over one context and model. */
    private static final class Builder {
        private final ONNXContext context;
        private final SequenceModel model;
        private final int d;

        Builder(ONNXContext context, SequenceModel model) {
            this.context = context;
            this.model = model;
            this.d = model.settings().dimension();
        }

        ONNXInitializer weights(String name) {
            return weights(name, model.tensor(name), model.shape(name));
        }

        ONNXInitializer weights(String name, float[] values, int... shape) {
            Integer[] dims = new Integer[shape.length];
            for (int i = 0; i < shape.length; i++) {
                dims[i] = shape[i];
            }
            return context.floatTensor(name, Arrays.asList(dims), buffer -> buffer.put(values));
        }

        ONNXNode op(GraphOp op, String output, ONNXRef<?>... inputs) {
            return context.operation(op, Arrays.asList(inputs), output);
        }

        ONNXNode op(GraphOp op, String output, Map<String, Object> attributes, ONNXRef<?>... inputs) {
            return context.operation(op, Arrays.asList(inputs), output, attributes);
        }

        ONNXNode gru(ONNXInitializer items, ONNXPlaceholder history) {
            ONNXNode embedded = op(GraphOp.GATHER, "embedded", axis(0), items, history);
            ONNXNode sequence = op(GraphOp.UNSQUEEZE, "sequence", embedded, context.array("batch_axis",
                    new long[] {1}));
            ONNXInitializer w = weights("gru_w", gates(model.tensor(SequenceModel.GRU_W_IH), d * d), 1, 3 * d, d);
            ONNXInitializer r = weights("gru_r", gates(model.tensor(SequenceModel.GRU_W_HH), d * d), 1, 3 * d, d);
            float[] bias = new float[6 * d];
            System.arraycopy(gates(model.tensor(SequenceModel.GRU_B_IH), d), 0, bias, 0, 3 * d);
            System.arraycopy(gates(model.tensor(SequenceModel.GRU_B_HH), d), 0, bias, 3 * d, 3 * d);
            ONNXInitializer b = weights("gru_b", bias, 1, 6 * d);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("hidden_size", d);
            // PyTorch applies the reset gate after the recurrent product, as ONNX does only with this flag
            attributes.put("linear_before_reset", 1);
            List<ONNXNode> out = context.operation(GraphOp.GRU, Arrays.asList(sequence, w, r, b),
                    Arrays.asList("gru_states", "gru_last"), attributes);
            return op(GraphOp.RESHAPE, "user", out.get(1), context.array("vector_shape", new long[] {-1}));
        }

        /** PyTorch's gate blocks (reset, update, new) in ONNX's order (update, reset, hidden). */
        private float[] gates(float[] pytorch, int block) {
            float[] onnx = new float[pytorch.length];
            System.arraycopy(pytorch, block, onnx, 0, block);
            System.arraycopy(pytorch, 0, onnx, block, block);
            System.arraycopy(pytorch, 2 * block, onnx, 2 * block, block);
            return onnx;
        }

        ONNXNode attention(ONNXInitializer items, ONNXPlaceholder history) {
            SequenceSettings settings = model.settings();
            int heads = settings.heads();
            int dh = d / heads;
            int maxLength = settings.maxLength();
            ONNXInitializer zero = context.array("zero", new long[] {0});
            ONNXInitializer one = context.array("one", new long[] {1});
            ONNXInitializer axis0 = context.array("axis0", new long[] {0});
            ONNXInitializer axis1 = context.array("axis1", new long[] {1});
            ONNXNode length = op(GraphOp.SHAPE, "length", history);

            ONNXNode embedded = op(GraphOp.GATHER, "embedded", axis(0), items, history);
            ONNXNode scaled = op(GraphOp.MUL, "scaled", embedded, context.constant("embedding_scale",
                    (float) Math.sqrt(d)));
            ONNXNode positions = op(GraphOp.SLICE, "positions", weights(SequenceModel.POSITION_EMBEDDING), zero,
                    length, axis0);
            ONNXRef<?> x = op(GraphOp.ADD, "x0", scaled, positions);

            float[] causal = new float[maxLength * maxLength];
            for (int p = 0; p < maxLength; p++) {
                for (int s = p + 1; s < maxLength; s++) {
                    causal[p * maxLength + s] = SequenceModel.MASKED;
                }
            }
            ONNXNode rows = op(GraphOp.SLICE, "mask_rows", weights("causal_mask", causal, maxLength, maxLength), zero,
                    length, axis0);
            ONNXNode mask = op(GraphOp.SLICE, "mask", rows, zero, length, axis1);
            ONNXInitializer split = context.array("head_shape", new long[] {0, heads, dh});
            ONNXInitializer merge = context.array("merged_shape", new long[] {0, d});
            ONNXInitializer attentionScale = context.constant("attention_scale", (float) (1.0 / Math.sqrt(dh)));

            for (int b = 0; b < settings.blocks(); b++) {
                String p = "block" + b + "_";
                ONNXNode h = norm(p + "norm1", x, SequenceModel.block(b, "norm1_gamma"),
                        SequenceModel.block(b, "norm1_beta"));
                ONNXNode q = op(GraphOp.TRANSPOSE, p + "q_heads", perm(1, 0, 2),
                        op(GraphOp.RESHAPE, p + "q_split", affine(p + "q", h, b, "q"), split));
                ONNXNode kT = op(GraphOp.TRANSPOSE, p + "k_heads", perm(1, 2, 0),
                        op(GraphOp.RESHAPE, p + "k_split", affine(p + "k", h, b, "k"), split));
                ONNXNode v = op(GraphOp.TRANSPOSE, p + "v_heads", perm(1, 0, 2),
                        op(GraphOp.RESHAPE, p + "v_split", affine(p + "v", h, b, "v"), split));
                ONNXNode logits = op(GraphOp.ADD, p + "logits", op(GraphOp.MUL, p + "scaled_logits",
                        op(GraphOp.MATMUL, p + "raw_logits", q, kT), attentionScale), mask);
                ONNXNode weights = op(GraphOp.SOFTMAX, p + "attention", Collections.singletonMap("axis", (Object) (-1)),
                        logits);
                ONNXNode context = op(GraphOp.RESHAPE, p + "context", op(GraphOp.TRANSPOSE, p + "context_heads",
                        perm(1, 0, 2), op(GraphOp.MATMUL, p + "context_split", weights, v)), merge);
                x = op(GraphOp.ADD, p + "attended", x, affine(p + "o", context, b, "o"));
                ONNXNode h2 = norm(p + "norm2", x, SequenceModel.block(b, "norm2_gamma"),
                        SequenceModel.block(b, "norm2_beta"));
                ONNXNode inner = op(GraphOp.RELU, p + "inner", affine(p + "ffn1", h2, b, "1"));
                x = op(GraphOp.ADD, p + "out", x, affine(p + "ffn2", inner, b, "2"));
            }
            ONNXNode lastIndex = op(GraphOp.SUB, "last_index", length, one);
            ONNXNode last = op(GraphOp.GATHER, "last", axis(0), x, lastIndex);
            ONNXNode normed = norm("final_norm", last, SequenceModel.FINAL_NORM_GAMMA, SequenceModel.FINAL_NORM_BETA);
            return op(GraphOp.RESHAPE, "user", normed, context.array("vector_shape", new long[] {-1}));
        }

        private ONNXNode affine(String name, ONNXRef<?> x, int b, String which) {
            ONNXNode product = op(GraphOp.MATMUL, name + "_product", x, weights(SequenceModel.block(b, "w" + which)));
            return op(GraphOp.ADD, name, product, weights(SequenceModel.block(b, "b" + which)));
        }

        private ONNXNode norm(String name, ONNXRef<?> x, String gamma, String beta) {
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("axis", -1);
            attributes.put("epsilon", SequenceModel.NORM_EPSILON);
            return op(GraphOp.LAYER_NORMALIZATION, name, attributes, x, weights(gamma), weights(beta));
        }

        private static Map<String, Object> axis(int axis) {
            return Collections.singletonMap("axis", (Object) axis);
        }

        private static Map<String, Object> perm(int... perm) {
            return Collections.singletonMap("perm", (Object) perm);
        }
    }
}

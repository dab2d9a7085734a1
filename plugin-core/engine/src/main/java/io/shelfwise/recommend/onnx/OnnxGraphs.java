package io.shelfwise.recommend.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl;
import io.shelfwise.onnx.GraphOp;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXRef;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Protobuf pieces every recommender graph needs: typed signatures, metadata entries, the model envelope. */
final class OnnxGraphs {

    private OnnxGraphs() {
    }

    /**
     * {@code TopK(ScatterElements(scores, exclude, excluded), k)}: the k best scores and their indices, best first,
     * with every excluded index scored {@code excluded}.
     */
    static List<ONNXNode> topK(ONNXContext context, ONNXRef<?> scores, ONNXRef<?> exclude, ONNXRef<?> k,
                               ONNXRef<?> excludedScore) {
        ONNXNode excludeShape = context.operation(GraphOp.SHAPE, Collections.singletonList(exclude), "exclude_shape");
        ONNXNode excludedScores = context.operation(GraphOp.EXPAND, Arrays.asList(excludedScore, excludeShape),
                "excluded_scores");
        Map<String, Object> replace = new HashMap<>();
        replace.put("axis", 0);
        replace.put("reduction", "none");
        ONNXNode masked = context.operation(GraphOp.SCATTER_ELEMENTS, Arrays.asList(scores, exclude, excludedScores),
                "masked_scores", replace);
        Map<String, Object> topAttributes = new HashMap<>();
        topAttributes.put("axis", -1);
        topAttributes.put("largest", 1);
        topAttributes.put("sorted", 1);
        return context.operation(GraphOp.TOP_K, Arrays.asList(masked, k), Arrays.asList("top_values", "top_indices"),
                topAttributes);
    }

    static OnnxMl.StringStringEntryProto property(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** A tensor signature; each dim is an Integer (fixed) or a String (named, dynamic). */
    static OnnxMl.ValueInfoProto tensor(String name, DataType type, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder d = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof Integer) {
                d.setDimValue((Integer) dim);
            } else {
                d.setDimParam((String) dim);
            }
            shape.addDim(d);
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    /** Item ids one a line, for the items metadata entry; ids must not contain line breaks. */
    static String joinItems(List<String> itemIds) {
        StringBuilder items = new StringBuilder();
        for (String id : itemIds) {
            if (id.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Item id contains a line break: " + id);
            }
            items.append(id).append('\n');
        }
        return items.toString();
    }

    /** The model envelope Shelfwise graphs share: IR 8, our producer, one opset import. */
    static OnnxMl.ModelProto.Builder model(OnnxMl.GraphProto graph, String docString) {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("shelfwise")
                .setProducerVersion(io.shelfwise.ShelfwiseVersion.current().version())
                .setDomain("io.shelfwise")
                .setModelVersion(1)
                .setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(GraphOp.OPSET))
                .setGraph(graph);
    }
}

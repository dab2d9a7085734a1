package io.shelfwise.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import org.tribuo.util.onnx.ONNXAttribute;
import org.tribuo.util.onnx.ONNXOperator;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX operators the recommender graphs use, at opset {@value #OPSET}. Tribuo's own operator enum is opset 13
 * and lacks TopK, ScatterElements (with reduction, opset 16+), Reshape, MatMul, Transpose, GRU and
 * LayerNormalization (opset 17), so the graphs declare theirs here,
 * through Tribuo's public {@link ONNXOperator} interface.
 */
public enum GraphOp implements ONNXOperator {
    GATHER("Gather", 2, 1, attribute("axis", AttributeType.INT)),
    SCATTER_ELEMENTS("ScatterElements", 3, 1, attribute("axis", AttributeType.INT),
            attribute("reduction", AttributeType.STRING)),
    TOP_K("TopK", 2, 2, attribute("axis", AttributeType.INT), attribute("largest", AttributeType.INT),
            attribute("sorted", AttributeType.INT)),
    RESHAPE("Reshape", 2, 1),
    UNSQUEEZE("Unsqueeze", 2, 1),
    MUL("Mul", 2, 1),
    EXPAND("Expand", 2, 1),
    SHAPE("Shape", 1, 1),
    IDENTITY("Identity", 1, 1),
    // sequence graphs (SequenceGraph)
    MATMUL("MatMul", 2, 1),
    ADD("Add", 2, 1),
    SUB("Sub", 2, 1),
    RELU("Relu", 1, 1),
    SOFTMAX("Softmax", 1, 1, attribute("axis", AttributeType.INT)),
    TRANSPOSE("Transpose", 1, 1, attribute("perm", AttributeType.INTS)),
    SLICE("Slice", 4, 1),
    LAYER_NORMALIZATION("LayerNormalization", 3, 1, attribute("axis", AttributeType.INT),
            attribute("epsilon", AttributeType.FLOAT)),
    GRU("GRU", 4, 2, attribute("hidden_size", AttributeType.INT),
            attribute("linear_before_reset", AttributeType.INT));

    /** The opset every graph imports: ScatterElements with reduction needs 16, LayerNormalization 17, ORT 1.22
     * runs up to 22. */
    public static final int OPSET = 18;

    private final String opName;
    private final int numInputs;
    private final int numOutputs;
    private final Map<String, ONNXAttribute> attributes;

    GraphOp(String opName, int numInputs, int numOutputs, ONNXAttribute... attributes) {
        this.opName = opName;
        this.numInputs = numInputs;
        this.numOutputs = numOutputs;
        Map<String, ONNXAttribute> map = new LinkedHashMap<>();
        for (ONNXAttribute attribute : attributes) {
            map.put(attribute.getName(), attribute);
        }
        this.attributes = Collections.unmodifiableMap(map);
    }

    private static ONNXAttribute attribute(String name, AttributeType type) {
        return new ONNXAttribute(name, type, false);
    }

    @Override
    public String getOpName() {
        return opName;
    }

    @Override
    public int getNumInputs() {
        return numInputs;
    }

    @Override
    public int getNumOptionalInputs() {
        return 0;
    }

    @Override
    public int getNumOutputs() {
        return numOutputs;
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
        return OPSET;
    }

    @Override
    public String getOpDomain() {
        return "";
    }
}

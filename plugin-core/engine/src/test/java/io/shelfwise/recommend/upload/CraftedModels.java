package io.shelfwise.recommend.upload;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.sequence.UntrainedSequenceModels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Test fixtures: uploads crafted to break the bring-your-own model check, each built from a valid export of ours
 * with ONNX's protobuf builders, so no binary fixture is committed. {@link #main} writes them all into a folder
 * with {@code expected.txt} (file, expected verdict, extra options), for {@code scripts/check-crafted-models.sh}.
 */
public final class CraftedModels {

    /** Item ids of every crafted model: {@code item-0} to {@code item-39}. */
    public static final List<String> ITEMS = items(40);

    private CraftedModels() {
    }

    private static List<String> items(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("item-" + i);
        }
        return Collections.unmodifiableList(ids);
    }

    /** A crafted file: its name, whether the check must accept it, the bytes, extra check-model options. */
    public static final class Crafted {
        public final String file;
        public final boolean accepted;
        public final byte[] bytes;
        public final List<String> options;

        Crafted(String file, boolean accepted, byte[] bytes, String... options) {
            this.file = file;
            this.accepted = accepted;
            this.bytes = bytes;
            this.options = Collections.unmodifiableList(Arrays.asList(options));
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** Every crafted file and the valid exports they start from. */
    public static List<Crafted> all() {
        byte[] neighbour = neighbour();
        byte[] gru = UntrainedSequenceModels.gru(ITEMS, 5);
        List<Crafted> all = new ArrayList<>();
        all.add(new Crafted("valid-neighbour.onnx", true, neighbour));
        all.add(new Crafted("valid-sequence-gru.onnx", true, gru));
        all.add(new Crafted("valid-sequence-sasrec.onnx", true, UntrainedSequenceModels.sasrec(ITEMS, 6)));
        all.add(new Crafted("external-data-absolute.onnx", false, externalData(neighbour, "/etc/passwd", 160)));
        all.add(new Crafted("external-data-relative.onnx", false,
                externalData(neighbour, "../../../../etc/hostname", 160)));
        all.add(new Crafted("external-data-in-constant.onnx", false, externalConstant(neighbour, "/etc/passwd")));
        all.add(new Crafted("neighbour-ignores-exclude.onnx", false, ignoringExclude(neighbour)));
        all.add(new Crafted("sequence-ignores-exclude.onnx", false, ignoringExclude(gru)));
        all.add(new Crafted("nan-scores.onnx", false, nanScores()));
        all.add(new Crafted("truncated.onnx", false, Arrays.copyOf(neighbour, neighbour.length / 2)));
        all.add(new Crafted("wrong-input-shape.onnx", false, historyAsMatrix(neighbour)));
        all.add(new Crafted("wrong-output-type.onnx", false, itemsAsFloats(gru)));
        all.add(new Crafted("oversize.onnx", false, padded(neighbour, 1_200_000), "--max-megabytes", "1"));
        all.add(new Crafted("custom-op-domain.onnx", false, customDomain(neighbour)));
        all.add(new Crafted("local-function.onnx", false, localFunction(neighbour)));
        all.add(new Crafted("subgraph.onnx", false, subgraph(neighbour)));
        return all;
    }

    /** A neighbour graph of our own export (item-kNN over {@link #ITEMS}). */
    public static byte[] neighbour() {
        InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(3), 150, ITEMS.size(), 8);
        NeighbourModel model = new ItemKnnTrainer("also-viewed", 10, 0.5, 5, 0.8).train(data);
        return TestModels.onnx(model, data, ItemKnnTrainer.class);
    }

    /** Scores with a NaN among them: a popularity graph whose prior holds one. */
    public static byte[] nanScores() {
        float[] prior = new float[ITEMS.size()];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = prior.length - i;
        }
        prior[2] = Float.NaN;
        return TestModels.onnx("pop", ITEMS, new int[ITEMS.size()][0], prior, 1);
    }

    /**
     * The neighbour graph with its prior's values moved out to {@code location} (offset 0, {@code length} bytes):
     * loaded by ONNX Runtime, the prior, and so the scores, would be that file's bytes.
     */
    public static byte[] externalData(byte[] neighbourGraph, String location, long length) {
        OnnxMl.ModelProto model = parse(neighbourGraph);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().startsWith("prior")) {
                graph.setInitializer(i, external(graph.getInitializer(i).toBuilder(), location, length));
                return model.toBuilder().setGraph(graph).build().toByteArray();
            }
        }
        throw new IllegalStateException("The neighbour graph has no prior initializer");
    }

    /** The graph plus a Constant node whose value tensor lives in {@code location}. */
    public static byte[] externalConstant(byte[] graphBytes, String location) {
        OnnxMl.TensorProto.Builder value = OnnxMl.TensorProto.newBuilder().setName("leak")
                .setDataType(DataType.FLOAT.getNumber()).addDims(4);
        OnnxMl.NodeProto constant = OnnxMl.NodeProto.newBuilder().setName("leak_constant").setOpType("Constant")
                .addOutput("leaked").addAttribute(OnnxMl.AttributeProto.newBuilder().setName("value")
                        .setType(OnnxMl.AttributeProto.AttributeType.TENSOR).setT(external(value, location, 16)))
                .build();
        OnnxMl.ModelProto model = parse(graphBytes);
        return model.toBuilder().setGraph(model.getGraph().toBuilder().addNode(constant)).build().toByteArray();
    }

    static OnnxMl.TensorProto external(OnnxMl.TensorProto.Builder tensor, String location, long length) {
        return tensor.clearRawData().clearFloatData().clearInt64Data().clearInt32Data()
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", "0"))
                .addExternalData(entry("length", Long.toString(length)))
                .build();
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** The graph without its Tribuo provenance: what another tool's export of the same graph would be. */
    public static byte[] withoutProvenance(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.ModelProto.Builder stripped = model.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (!entry.getKey().equals(org.tribuo.ONNXExportable.PROVENANCE_METADATA_FIELD)) {
                stripped.addMetadataProps(entry);
            }
        }
        return stripped.build().toByteArray();
    }

    /** The graph with TopK fed the scores before exclusion: it ranks excluded items as any other. */
    public static byte[] ignoringExclude(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto top = graph.getNode(i);
            if (top.getOpType().equals("TopK")) {
                for (OnnxMl.NodeProto mask : graph.getNodeList()) {
                    if (mask.getOpType().equals("ScatterElements") && mask.getOutput(0).equals(top.getInput(0))) {
                        graph.setNode(i, top.toBuilder().setInput(0, mask.getInput(0)));
                        return model.toBuilder().setGraph(graph).build().toByteArray();
                    }
                }
            }
        }
        throw new IllegalStateException("The graph has no TopK over masked scores");
    }

    /** The graph with input {@code history} declared [1, h] instead of [h]. */
    public static byte[] historyAsMatrix(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInputCount(); i++) {
            if (graph.getInput(i).getName().equals(NeighbourGraph.IN_HISTORY)) {
                OnnxMl.ValueInfoProto.Builder input = graph.getInput(i).toBuilder();
                OnnxMl.TensorShapeProto shape = input.getType().getTensorType().getShape();
                input.getTypeBuilder().getTensorTypeBuilder().setShape(shape.toBuilder().clearDim()
                        .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(shape.getDim(0)));
                graph.setInput(i, input);
            }
        }
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    /** The graph returning its item indices as floats (a Cast after TopK), where serving reads int64. */
    public static byte[] itemsAsFloats(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getOutputCount(); i++) {
            if (graph.getOutput(i).getName().equals(NeighbourGraph.OUT_ITEMS)) {
                OnnxMl.ValueInfoProto.Builder output = graph.getOutput(i).toBuilder();
                output.getTypeBuilder().getTensorTypeBuilder().setElemType(DataType.FLOAT.getNumber());
                graph.setOutput(i, output);
            }
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto node = graph.getNode(i);
            for (int o = 0; o < node.getOutputCount(); o++) {
                if (node.getOutput(o).equals(NeighbourGraph.OUT_ITEMS)) {
                    graph.setNode(i, node.toBuilder().setOutput(o, "items_int64"));
                }
            }
        }
        graph.addNode(OnnxMl.NodeProto.newBuilder().setName("items_as_float").setOpType("Cast")
                .addInput("items_int64").addOutput(NeighbourGraph.OUT_ITEMS)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("to")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(DataType.FLOAT.getNumber())));
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    /** The graph, valid, grown past {@code bytes} by a long doc string: only the size limit refuses it. */
    public static byte[] padded(byte[] graphBytes, int bytes) {
        char[] text = new char[bytes];
        Arrays.fill(text, 'x');
        return parse(graphBytes).toBuilder().setDocString(new String(text)).build().toByteArray();
    }

    /** The graph with its Mul node moved to a custom operator domain (and that domain imported). */
    public static byte[] customDomain(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getOpType().equals("Mul")) {
                graph.setNode(i, graph.getNode(i).toBuilder().setDomain("com.example.custom"));
                break;
            }
        }
        return model.toBuilder().setGraph(graph).addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder()
                .setDomain("com.example.custom").setVersion(1)).build().toByteArray();
    }

    /** The graph plus a model-local function. */
    public static byte[] localFunction(byte[] graphBytes) {
        OnnxMl.FunctionProto function = OnnxMl.FunctionProto.newBuilder().setName("Passthrough")
                .setDomain("com.example.functions").addInput("x").addOutput("y")
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("x").addOutput("y"))
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(18))
                .build();
        return parse(graphBytes).toBuilder().addFunctions(function).build().toByteArray();
    }

    /** The graph plus an If node over a constant condition, with a branch graph each way. */
    public static byte[] subgraph(byte[] graphBytes) {
        OnnxMl.ModelProto model = parse(graphBytes);
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder()
                .addInitializer(OnnxMl.TensorProto.newBuilder().setName("always").setDataType(DataType.BOOL
                        .getNumber()).setRawData(ByteString.copyFrom(new byte[] {1})))
                .addNode(OnnxMl.NodeProto.newBuilder().setName("branch").setOpType("If").addInput("always")
                        .addOutput("branch_out")
                        .addAttribute(branch("then_branch", 1f))
                        .addAttribute(branch("else_branch", 0f)));
        return model.toBuilder().setGraph(graph).build().toByteArray();
    }

    private static OnnxMl.AttributeProto branch(String name, float value) {
        OnnxMl.GraphProto body = OnnxMl.GraphProto.newBuilder().setName(name)
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Constant").addOutput(name + "_out")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("value_float")
                                .setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(value)))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(name + "_out")
                        .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                                .setElemType(DataType.FLOAT.getNumber()))))
                .build();
        return OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.GRAPH)
                .setG(body).build();
    }

    static OnnxMl.ModelProto parse(byte[] bytes) {
        try {
            return OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Not an ONNX model", e);
        }
    }

    /**
     * Writes every crafted file, {@code catalogue.txt} (the item ids) and {@code expected.txt} (one line per file:
     * name, {@code accepted} or {@code refused}, extra options) into the folder given.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CraftedModels OUTPUT_FOLDER");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Paths.get(args[0]));
        List<String> expected = new ArrayList<>();
        for (Crafted crafted : all()) {
            Files.write(folder.resolve(crafted.file), crafted.bytes);
            expected.add(crafted.file + " " + (crafted.accepted ? "accepted" : "refused")
                    + (crafted.options.isEmpty() ? "" : " " + String.join(" ", crafted.options)));
        }
        Files.write(folder.resolve("catalogue.txt"), ITEMS, StandardCharsets.UTF_8);
        Files.write(folder.resolve("expected.txt"), expected, StandardCharsets.UTF_8);
        System.out.println("wrote " + expected.size() + " models to " + folder);
    }
}

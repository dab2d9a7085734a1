package io.shelfwise.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.OnnxNeighbourModel;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.sequence.UntrainedSequenceModels;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStructureTest {

    private static final String SECRET_PATH = "/srv/secrets/db-password.txt";

    private static byte[] neighbour() {
        InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(3), 100, 30, 6);
        return TestModels.onnx(new ItemKnnTrainer("also-viewed", 10, 0.5, 5, 0.8).train(data), data,
                ItemKnnTrainer.class);
    }

    private static List<byte[]> ourExports() {
        List<String> items = OnnxNeighbourModelTestData.randomData(new Random(1), 2, 30, 2).itemIds();
        return Arrays.asList(neighbour(), UntrainedSequenceModels.gru(items, 1), UntrainedSequenceModels.sasrec(items, 2));
    }

    @Test
    void ourOwnExportsUseOnlyTheStandardDomainAndNoSubgraphsSoTheAllowedSetIsExactlyWhatWeExport() throws Exception {
        Set<String> domains = new TreeSet<>();
        Set<String> opsets = new TreeSet<>();
        for (byte[] export : ourExports()) {
            assertThat(ModelStructure.of(export).refusals()).isEmpty();
            assertThat(ModelStructure.of(export).accepted()).isTrue();
            OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(export);
            model.getOpsetImportList().forEach(o -> opsets.add(o.getDomain()));
            for (OnnxMl.NodeProto node : model.getGraph().getNodeList()) {
                domains.add(node.getDomain());
                for (OnnxMl.AttributeProto attribute : node.getAttributeList()) {
                    assertThat(attribute.getType()).isNotIn(OnnxMl.AttributeProto.AttributeType.GRAPH,
                            OnnxMl.AttributeProto.AttributeType.GRAPHS);
                }
            }
            assertThat(model.getFunctionsCount()).isZero();
            assertThat(model.getGraph().getSparseInitializerCount()).isZero();
        }
        assertThat(domains).containsExactly("");
        assertThat(opsets).containsExactly("");
        assertThat(ModelStructure.DOMAINS).containsExactlyInAnyOrder("", "ai.onnx");
    }

    @Test
    void externalDataIsFoundWhereverATensorCanBeAndItsLocationIsNeverRepeated() throws Exception {
        OnnxMl.ModelProto base = OnnxMl.ModelProto.parseFrom(neighbour());
        OnnxMl.TensorProto external = externalTensor("stolen");
        OnnxMl.SparseTensorProto sparseValues = OnnxMl.SparseTensorProto.newBuilder().addDims(4).setValues(external)
                .setIndices(plainTensor("indices")).build();
        OnnxMl.SparseTensorProto sparseIndices = OnnxMl.SparseTensorProto.newBuilder().addDims(4)
                .setValues(plainTensor("values")).setIndices(external).build();

        List<OnnxMl.ModelProto> crafted = Arrays.asList(
                withGraph(base, base.getGraph().toBuilder().addInitializer(external)),
                withGraph(base, base.getGraph().toBuilder().addSparseInitializer(sparseValues)),
                withGraph(base, base.getGraph().toBuilder().addSparseInitializer(sparseIndices)),
                withNode(base, node("Constant", attribute("value").setT(external))),
                withNode(base, node("Concat", attribute("tensors").addTensors(plainTensor("ok")).addTensors(external))),
                withNode(base, node("Constant", attribute("sparse_value").setSparseTensor(sparseValues))),
                withNode(base, node("Custom", attribute("sparse_tensors").addSparseTensors(sparseIndices))),
                withNode(base, node("If", attribute("then_branch").setType(OnnxMl.AttributeProto.AttributeType.GRAPH)
                        .setG(OnnxMl.GraphProto.newBuilder().addInitializer(external)))),
                withNode(base, node("Loop", attribute("body").setType(OnnxMl.AttributeProto.AttributeType.GRAPHS)
                        .addGraphs(OnnxMl.GraphProto.newBuilder().addNode(
                                node("Constant", attribute("value").setT(external)))))),
                base.toBuilder().addFunctions(OnnxMl.FunctionProto.newBuilder().setName("f").setDomain("x")
                        .addNode(node("Constant", attribute("value").setT(external)))).build(),
                base.toBuilder().addTrainingInfo(OnnxMl.TrainingInfoProto.newBuilder()
                        .setInitialization(OnnxMl.GraphProto.newBuilder().addInitializer(external))).build(),
                // a location without the EXTERNAL flag still makes a reader look for the file
                withGraph(base, base.getGraph().toBuilder().addInitializer(external.toBuilder()
                        .setDataLocation(OnnxMl.TensorProto.DataLocation.DEFAULT))),
                withGraph(base, base.getGraph().toBuilder().addInitializer(external.toBuilder()
                        .clearExternalData())));
        for (OnnxMl.ModelProto model : crafted) {
            ModelStructure structure = ModelStructure.of(model.toByteArray());
            assertThat(structure.accepted()).isFalse();
            assertThat(structure.refusals()).anyMatch(m -> m.startsWith("External data is not accepted; found in "
                    + "tensor 'stolen'"));
            assertThat(String.join("\n", structure.refusals())).doesNotContain(SECRET_PATH).doesNotContain("4096")
                    .doesNotContain("secrets");
        }
    }

    @Test
    void functionsSubgraphsTrainingInfoAndForeignDomainsAreRefusedByName() throws Exception {
        OnnxMl.ModelProto base = OnnxMl.ModelProto.parseFrom(neighbour());
        assertThat(ModelStructure.of(base.toBuilder().addFunctions(OnnxMl.FunctionProto.newBuilder()
                .setName("Leak").setDomain("evil")).build().toByteArray()).refusals())
                .containsExactly("Model-local functions are not accepted ('evil:Leak'): inline them before uploading "
                        + "(onnx.inliner.inline_local_functions).");
        assertThat(ModelStructure.of(withNode(base, node("Scan", attribute("body")
                .setType(OnnxMl.AttributeProto.AttributeType.GRAPH).setG(OnnxMl.GraphProto.newBuilder())))
                .toByteArray()).refusals()).singleElement().asString()
                .startsWith("Subgraphs (If, Loop, Scan) are not accepted; found in attribute 'body' of node 'n' ('Scan')");
        assertThat(ModelStructure.of(base.toBuilder().addTrainingInfo(OnnxMl.TrainingInfoProto.newBuilder())
                .build().toByteArray()).refusals()).singleElement().asString()
                .startsWith("Training information is not accepted");

        OnnxMl.NodeProto.Builder microsoft = node("FusedMatMul", attribute("alpha")).setDomain("com.microsoft");
        List<String> foreign = ModelStructure.of(withNode(base, microsoft).toBuilder()
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("com.microsoft").setVersion(1))
                .build().toByteArray()).refusals();
        assertThat(foreign).containsExactly(
                "Only standard ONNX operators (domain '' or 'ai.onnx') are accepted; another domain is used by node "
                        + "'n' ('com.microsoft:FusedMatMul'). Export without custom or runtime-specific operators.",
                "Only the standard ONNX operator set (domain '' or 'ai.onnx') may be imported; the model also imports "
                        + "'com.microsoft'. Remove that opset import.");
        // the default domain under its other name is standard ONNX
        assertThat(ModelStructure.of(withNode(base, node("Identity", attribute("unused")).setDomain("ai.onnx"))
                .toByteArray()).refusals()).isEmpty();
    }

    @Test
    void manyProblemsOfOneKindAreOneMessageNamingTheFirstThree() throws Exception {
        OnnxMl.ModelProto base = OnnxMl.ModelProto.parseFrom(neighbour());
        OnnxMl.GraphProto.Builder graph = base.getGraph().toBuilder();
        for (int i = 0; i < 5; i++) {
            graph.addInitializer(externalTensor("t" + i));
        }
        assertThat(ModelStructure.of(withGraph(base, graph).toByteArray()).refusals()).singleElement().asString()
                .startsWith("External data is not accepted; found in tensor 't0' (initializer of the graph), tensor "
                        + "'t1' (initializer of the graph), tensor 't2' (initializer of the graph) and 2 more.");
    }

    @Test
    void tensorFieldsTheseClassesDoNotKnowAreRefusedNotGuessedAt() throws Exception {
        OnnxMl.ModelProto base = OnnxMl.ModelProto.parseFrom(neighbour());
        OnnxMl.TensorProto future = plainTensor("future").toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(
                        SECRET_PATH)).build()).build()).build();
        List<String> refusals = ModelStructure.of(withGraph(base, base.getGraph().toBuilder().addInitializer(future))
                .toByteArray()).refusals();
        assertThat(refusals).singleElement().asString().startsWith("Fields this version of ONNX's format does not "
                + "define are not accepted; found in tensor 'future'").doesNotContain(SECRET_PATH);
    }

    @Test
    void bytesThatAreNotAnOnnxModelDoNotParse() {
        byte[] good = neighbour();
        ModelStructure truncated = ModelStructure.of(Arrays.copyOf(good, good.length / 2));
        assertThat(truncated.parsed()).isFalse();
        assertThat(truncated.accepted()).isFalse();
        assertThat(truncated.parseFailure()).startsWith("it is not a well-formed ONNX protobuf (While parsing a "
                + "protocol message, the input ended unexpectedly");
        assertThat(ModelStructure.of("not a model".getBytes(StandardCharsets.UTF_8)).parsed()).isFalse();
        // parses as protobuf (no fields at all), but is no model
        assertThat(ModelStructure.of(new byte[0]).parseFailure()).isEqualTo("it holds no graph");
    }

    @Test
    void servingsLoaderRefusesExternalDataSoAnArtifactSwappedOnDiskCannotReadOtherFiles() throws Exception {
        OnnxMl.ModelProto base = OnnxMl.ModelProto.parseFrom(neighbour());
        OnnxMl.GraphProto.Builder graph = base.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().startsWith("prior")) {
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().clearRawData().clearFloatData()
                        .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location")
                                .setValue(SECRET_PATH)));
            }
        }
        byte[] swapped = withGraph(base, graph).toByteArray();
        assertThatThrownBy(() -> RankingModels.load(swapped)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("The model is refused before loading: External data is not accepted; found "
                        + "in tensor 'prior_0'")
                .hasMessageNotContaining(SECRET_PATH);
        assertThatThrownBy(() -> OnnxNeighbourModel.load(swapped)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("External data is not accepted");
    }

    private static OnnxMl.TensorProto externalTensor(String name) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(DataType.FLOAT.getNumber()).addDims(1024)
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location").setValue(SECRET_PATH))
                .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("length").setValue("4096"))
                .build();
    }

    private static OnnxMl.TensorProto plainTensor(String name) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(DataType.INT64.getNumber()).addDims(1)
                .addInt64Data(0).build();
    }

    private static OnnxMl.AttributeProto.Builder attribute(String name) {
        return OnnxMl.AttributeProto.newBuilder().setName(name);
    }

    private static OnnxMl.NodeProto.Builder node(String op, OnnxMl.AttributeProto.Builder attribute) {
        return OnnxMl.NodeProto.newBuilder().setName("n").setOpType(op).addOutput("unused_" + op).addAttribute(attribute);
    }

    private static OnnxMl.ModelProto withNode(OnnxMl.ModelProto model, OnnxMl.NodeProto.Builder node) {
        return withGraph(model, model.getGraph().toBuilder().addNode(node));
    }

    private static OnnxMl.ModelProto withGraph(OnnxMl.ModelProto model, OnnxMl.GraphProto.Builder graph) {
        return model.toBuilder().setGraph(graph).build();
    }
}

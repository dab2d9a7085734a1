package io.shelfwise.recommend.upload;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.sequence.UntrainedSequenceModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression tests of issue 16: uploads crafted to read server files, ignore exclusions or leak values. */
class UploadedModelCheckTest {

    private static final Set<String> CATALOGUE = new HashSet<>(CraftedModels.ITEMS);
    /** Recognisable values for the pointed-to file: none may ever appear in a finding. */
    private static final float[] SECRET = secretValues();

    @TempDir
    Path folder;

    private static float[] secretValues() {
        float[] values = new float[CraftedModels.ITEMS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 7000 + 13 * i + 0.25f;
        }
        return values;
    }

    /** A file of the server's, as ONNX Runtime would read it: little-endian float32 values. */
    private Path secretFile() throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(4 * SECRET.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(SECRET);
        Path file = folder.resolve("server-secret.bin");
        Files.write(file, bytes.array());
        return file;
    }

    private static UploadCheckResult check(byte[] onnx) {
        return UploadedModelCheck.standard().check(onnx, CATALOGUE);
    }

    private static String allMessages(UploadCheckResult result) {
        StringBuilder text = new StringBuilder();
        for (UploadFinding finding : result.findings()) {
            text.append(finding.message()).append('\n');
        }
        return text.toString();
    }

    private static void assertNoSecretIn(String text, Path file) {
        assertThat(text).doesNotContain(file.toString()).doesNotContain(file.getFileName().toString())
                .doesNotContain(Long.toString(4L * SECRET.length));
        for (float value : SECRET) {
            assertThat(text).doesNotContain(Float.toString(value)).doesNotContain(Integer.toString((int) value));
        }
    }

    @Test
    void externalDataWithAbsolutePathIsRefusedBeforeOnnxRuntimeLoadsIt() throws Exception {
        Path secret = secretFile();
        byte[] crafted = CraftedModels.externalData(CraftedModels.neighbour(), secret.toAbsolutePath().toString(),
                4L * SECRET.length);

        UploadCheckResult result = check(crafted);

        assertThat(result.passed()).isFalse();
        assertNoSecretIn(result.summary(), secret);
        // only the structure finding: had ONNX Runtime been given the bytes, the metadata notes, dry run and
        // serving's loader would have said something too
        assertThat(result.findings()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("External data is not accepted; found in tensor 'prior_0' (initializer of the graph).");
    }

    @Test
    void theCraftedExternalDataFileReallyReadsTheServersFileWhenOnnxRuntimeIsGivenIt() throws Exception {
        // the threat the check stops: ONNX Runtime itself follows the path and the scores are the file's bytes
        Path secret = secretFile();
        byte[] crafted = CraftedModels.externalData(CraftedModels.neighbour(), secret.toAbsolutePath().toString(),
                4L * SECRET.length);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(crafted, new OrtSession.SessionOptions())) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(NeighbourGraph.IN_HISTORY, OnnxTensor.createTensor(environment, LongBuffer.allocate(0),
                    new long[] {0}));
            inputs.put(NeighbourGraph.IN_WEIGHTS, OnnxTensor.createTensor(environment, FloatBuffer.allocate(0),
                    new long[] {0}));
            inputs.put(NeighbourGraph.IN_EXCLUDE, OnnxTensor.createTensor(environment, LongBuffer.allocate(0),
                    new long[] {0}));
            inputs.put(NeighbourGraph.IN_K, OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {3}),
                    new long[] {1}));
            try (OrtSession.Result out = session.run(inputs)) {
                float[] top = (float[]) out.get(NeighbourGraph.OUT_SCORES).get().getValue();
                assertThat(top).containsExactly(SECRET[SECRET.length - 1], SECRET[SECRET.length - 2],
                        SECRET[SECRET.length - 3]);
            } finally {
                for (OnnxTensor tensor : inputs.values()) {
                    tensor.close();
                }
            }
        }
    }

    @Test
    void externalDataWithRelativePathIsRefusedBeforeOnnxRuntimeLoadsIt() {
        UploadCheckResult result = check(CraftedModels.externalData(CraftedModels.neighbour(),
                "../../../../etc/hostname", 160));
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("External data is not accepted").doesNotContain("hostname").doesNotContain("..");
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void externalDataInAConstantNodesTensorIsRefused() {
        UploadCheckResult result = check(CraftedModels.externalConstant(CraftedModels.neighbour(), "/etc/passwd"));
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("External data is not accepted; found in tensor 'leak' (attribute 'value' of node "
                        + "'leak_constant')").doesNotContain("passwd");
    }

    @Test
    void aSequenceGraphThatIgnoresExcludeIsRefused() {
        UploadCheckResult result = check(CraftedModels.ignoringExclude(UntrainedSequenceModels.gru(
                CraftedModels.ITEMS, 5)));
        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .matches("Dry run with a history of 1 item\\(s\\), k = 10, excluding the \\d+ item\\(s\\) ranked "
                        + "first or in the history: excluded item 'item-\\d+' is returned at rank 0 with a score "
                        + "above -5.0E29\\. The graph must honour the input 'exclude'.*");
    }

    @Test
    void aNeighbourGraphThatIgnoresExcludeIsRefused() {
        UploadCheckResult result = check(CraftedModels.ignoringExclude(CraftedModels.neighbour()));
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("Dry run with a history of 0 item(s), k = 10, excluding the 10 item(s) ranked first or "
                        + "in the history: excluded item");
    }

    @Test
    void ourOwnExportsStillPassTheDryRunWithExclusions() {
        for (byte[] export : Arrays.asList(CraftedModels.neighbour(),
                UntrainedSequenceModels.gru(CraftedModels.ITEMS, 5),
                UntrainedSequenceModels.sasrec(CraftedModels.ITEMS, 6))) {
            UploadCheckResult result = check(export);
            assertThat(result.errors()).isEmpty();
            assertThat(result.findings()).extracting(UploadFinding::message).anyMatch(m -> m.contains(
                    "each again excluding the items ranked first: none of them returned"));
        }
    }

    @Test
    void scoresOutOfOrderAreReportedWithoutTheirValues() {
        // TopK asked for the smallest first: ascending scores; the prior's values must not be repeated back
        float[] prior = new float[CraftedModels.ITEMS.size()];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = 111 + 5 * i;
        }
        OnnxMl.ModelProto model = CraftedModels.parse(TestModels.onnx("pop", CraftedModels.ITEMS,
                new int[prior.length][0], prior, 1));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            if (graph.getNode(i).getOpType().equals("TopK")) {
                OnnxMl.NodeProto.Builder top = graph.getNode(i).toBuilder();
                for (int a = 0; a < top.getAttributeCount(); a++) {
                    if (top.getAttribute(a).getName().equals("largest")) {
                        top.setAttribute(a, top.getAttribute(a).toBuilder().setI(0));
                    }
                }
                graph.setNode(i, top);
            }
        }
        UploadCheckResult result = check(model.toBuilder().setGraph(graph).build().toByteArray());

        assertThat(result.errors()).extracting(UploadFinding::message).containsExactly(
                "Dry run with a history of 0 item(s), k = 10, no exclusions: scores are not in descending order at "
                        + "rank 1; return the best first");
        for (float value : prior) {
            assertThat(result.summary()).doesNotContain(Float.toString(value));
        }
    }

    @Test
    void notANumberScoresAreRefusedWithoutRepeatingThem() {
        UploadCheckResult result = check(CraftedModels.nanScores());
        assertThat(result.errors()).extracting(UploadFinding::message).singleElement().asString()
                .matches("Dry run with a history of 0 item\\(s\\), k = 10, no exclusions: the score at rank \\d+ is "
                        + "not a finite number \\(NaN or infinite\\); scores must be finite");
    }

    @Test
    void aTruncatedFileIsRefusedAsCorruptBeforeOnnxRuntimeSeesIt() {
        byte[] valid = CraftedModels.neighbour();
        UploadCheckResult result = check(Arrays.copyOf(valid, valid.length / 2));
        assertThat(result.findings()).extracting(UploadFinding::message).singleElement().asString()
                .startsWith("ONNX Runtime cannot read the file as an ONNX model: it is not a well-formed ONNX "
                        + "protobuf (While parsing a protocol message, the input ended unexpectedly")
                .endsWith("It may be corrupt, truncated or not ONNX at all: export it again and upload the .onnx "
                        + "file.");
    }

    @Test
    void wrongInputShapesAndOutputTypesAreNamed() {
        assertThat(check(CraftedModels.historyAsMatrix(CraftedModels.neighbour())).errors())
                .extracting(UploadFinding::message)
                .contains("The graph's input 'history' has shape [1, ?] (2-D), expected int64 [h]");
        assertThat(check(CraftedModels.itemsAsFloats(UntrainedSequenceModels.gru(CraftedModels.ITEMS, 5))).errors())
                .extracting(UploadFinding::message)
                .containsExactly("The graph's output 'top_items' holds FLOAT, expected int64 [k]");
    }

    @Test
    void customDomainsFunctionsAndSubgraphsAreRefusedBeforeOnnxRuntime() {
        byte[] valid = CraftedModels.neighbour();
        assertThat(check(CraftedModels.customDomain(valid)).errors()).extracting(UploadFinding::message)
                .hasSize(2).allMatch(m -> m.contains("(domain '' or 'ai.onnx')") && m.contains("com.example.custom"));
        assertThat(check(CraftedModels.localFunction(valid)).findings()).extracting(UploadFinding::message)
                .singleElement().asString().startsWith("Model-local functions are not accepted");
        assertThat(check(CraftedModels.subgraph(valid)).findings()).extracting(UploadFinding::message)
                .singleElement().asString().startsWith("Subgraphs (If, Loop, Scan) are not accepted; found in "
                        + "attribute 'then_branch' of node 'branch' ('If'), attribute 'else_branch'");
    }

    @Test
    void longItemIdsAndMetadataAreCutShortInMessages() throws Exception {
        StringBuilder longId = new StringBuilder("item-");
        for (int i = 0; i < 500; i++) {
            longId.append('x');
        }
        List<String> ids = new ArrayList<>(CraftedModels.ITEMS);
        ids.set(1, longId.toString());
        ids.set(2, longId.toString());
        OnnxMl.ModelProto model = CraftedModels.parse(CraftedModels.neighbour());
        OnnxMl.ModelProto.Builder builder = model.toBuilder();
        for (int i = 0; i < builder.getMetadataPropsCount(); i++) {
            String key = builder.getMetadataProps(i).getKey();
            if (key.equals(NeighbourGraph.META_ITEMS)) {
                builder.setMetadataProps(i, builder.getMetadataProps(i).toBuilder().setValue(String.join("\n", ids)));
            } else if (key.equals(NeighbourGraph.META_RECENCY_DECAY)) {
                builder.setMetadataProps(i, builder.getMetadataProps(i).toBuilder().setValue(longId.toString()));
            }
        }
        UploadCheckResult result = check(builder.build().toByteArray());
        assertThat(result.passed()).isFalse();
        assertThat(result.summary()).doesNotContain(longId.toString());
        assertThat(result.errors()).extracting(UploadFinding::message)
                .anyMatch(m -> m.startsWith("The item-id list repeats 1 id(s): 'item-xxxx") && m.contains("...' x2"))
                .anyMatch(m -> m.startsWith("Metadata shelfwise.recency-decay is 'item-xxx") && m.length() < 200);
    }
}

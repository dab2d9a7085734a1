package io.shelfwise.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import io.shelfwise.internal.QuotedText;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.SequenceGraph;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ONNX file holds besides its computation, read with ONNX's own protobuf classes before ONNX Runtime is
 * given the bytes. ONNX Runtime would follow a tensor's external data (a file name, offset and length) and read
 * any file the process may read, so a file that names one is refused here, unopened; so is everything a
 * recommender graph has no use for and that widens what a foreign file can make ONNX Runtime do: model-local
 * functions, training information, subgraphs ({@code If}, {@code Loop}, {@code Scan}), operators and operator
 * sets outside the standard ONNX domain, and tensors or attributes with fields these protobuf classes do not
 * know. Shelfwise's own exports ({@link NeighbourGraph}, {@link SequenceGraph}) use none of them.
 * <p>
 * Every tensor is visited: graph initializers, sparse initializers (values and indices), node attributes
 * ({@code t}, {@code tensors}, {@code sparse_tensor(s)}) and, to name every problem at once, those inside
 * subgraphs, functions and training graphs that are refused anyway. The messages name tensors, nodes and domains,
 * never a location, a size or a value read from the file. Public because the upload check and serving's loader
 * both use it; immutable and thread-safe.
 */
public final class ModelStructure {

    /** The operator domains of standard ONNX: {@code ai.onnx} is the default domain's other name. */
    static final Set<String> DOMAINS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("", "ai.onnx")));
    private static final int MAX_NAMED = 3;
    private static final int MAX_NAME = 60;

    private final String parseFailure;
    private final List<String> refusals;

    private ModelStructure(String parseFailure, List<String> refusals) {
        this.parseFailure = parseFailure;
        this.refusals = Collections.unmodifiableList(refusals);
    }

    /**
     * Parses and inspects a file's bytes. Nothing is opened or loaded; the bytes are not kept.
     *
     * @throws NullPointerException if {@code onnx} is null
     */
    public static ModelStructure of(byte[] onnx) {
        return of(onnx, DOMAINS);
    }

    /**
     * As {@link #of(byte[])}, with the operator domains the caller's own graphs use (the price model's trees are
     * an {@code ai.onnx.ml} operator); everything else is refused the same way.
     */
    public static ModelStructure of(byte[] onnx, Set<String> domains) {
        OnnxMl.ModelProto model;
        try {
            CodedInputStream in = CodedInputStream.newInstance(onnx);
            in.setSizeLimit(Integer.MAX_VALUE);
            // tensor bytes then refer to the array instead of being copied: a 64 MB upload is not held twice
            in.enableAliasing(true);
            model = OnnxMl.ModelProto.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            return new ModelStructure(protobufReason(e), Collections.<String>emptyList());
        } catch (IOException e) {
            return new ModelStructure("it cannot be read (" + e.getClass().getSimpleName() + ")",
                    Collections.<String>emptyList());
        }
        if (!model.hasGraph()) {
            return new ModelStructure("it holds no graph", Collections.<String>emptyList());
        }
        Walk walk = new Walk(domains);
        walk.model(model);
        return new ModelStructure(null, walk.refusals());
    }

    /** Protobuf's own explanation names no content (e.g. "the input ended unexpectedly"), so it may be shown. */
    private static String protobufReason(InvalidProtocolBufferException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int stop = message.indexOf(". ");
        return "it is not a well-formed ONNX protobuf (" + (stop < 0 ? message : message.substring(0, stop)) + ")";
    }

    /** True when the bytes parse as an ONNX model with a graph. */
    public boolean parsed() {
        return parseFailure == null;
    }

    /** Why the bytes are not an ONNX model ("it is not a well-formed ONNX protobuf (...)"), or {@code null}. */
    public String parseFailure() {
        return parseFailure;
    }

    /** What is refused, one sentence each saying what to change; empty when nothing is (or it did not parse). */
    public List<String> refusals() {
        return refusals;
    }

    /** True when the bytes parsed and nothing in them is refused: ONNX Runtime may be given them. */
    public boolean accepted() {
        return parsed() && refusals.isEmpty();
    }

    /** A name from the file, quoted and cut short: it is the uploader's text, shown back to them. */
    static String quoted(String name) {
        return QuotedText.of(name, MAX_NAME);
    }

    /** One pass over the model, collecting what it finds by kind, each with the first few places named. */
    private static final class Walk {
        private final Map<Kind, List<String>> found = new EnumMap<>(Kind.class);
        private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        private final Set<String> domains;

        Walk(Set<String> domains) {
            this.domains = domains;
        }

        private void add(Kind kind, String where) {
            counts.merge(kind, 1, Integer::sum);
            List<String> places = found.computeIfAbsent(kind, k -> new ArrayList<>());
            if (places.size() < MAX_NAMED) {
                places.add(where);
            }
        }

        void model(OnnxMl.ModelProto model) {
            for (OnnxMl.OperatorSetIdProto opset : model.getOpsetImportList()) {
                if (!domains.contains(opset.getDomain())) {
                    add(Kind.OPSET, quoted(opset.getDomain()));
                }
            }
            graph(model.getGraph(), "the graph");
            for (OnnxMl.FunctionProto function : model.getFunctionsList()) {
                add(Kind.FUNCTION, quoted(function.getDomain() + ":" + function.getName()));
                for (OnnxMl.OperatorSetIdProto opset : function.getOpsetImportList()) {
                    if (!domains.contains(opset.getDomain())) {
                        add(Kind.OPSET, quoted(opset.getDomain()));
                    }
                }
                for (OnnxMl.NodeProto node : function.getNodeList()) {
                    node(node);
                }
            }
            for (OnnxMl.TrainingInfoProto training : model.getTrainingInfoList()) {
                add(Kind.TRAINING, "training_info");
                graph(training.getInitialization(), "a training graph");
                graph(training.getAlgorithm(), "a training graph");
            }
        }

        private void graph(OnnxMl.GraphProto graph, String where) {
            for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
                tensor(tensor, "initializer of " + where);
            }
            for (OnnxMl.SparseTensorProto sparse : graph.getSparseInitializerList()) {
                sparse(sparse, "sparse initializer of " + where);
            }
            for (OnnxMl.NodeProto node : graph.getNodeList()) {
                node(node);
            }
        }

        private void node(OnnxMl.NodeProto node) {
            String name = quoted(node.getName().isEmpty() ? node.getOpType() : node.getName());
            if (!domains.contains(node.getDomain())) {
                add(Kind.DOMAIN, "node " + name + " (" + quoted(node.getDomain() + ":" + node.getOpType()) + ")");
            }
            for (OnnxMl.AttributeProto attribute : node.getAttributeList()) {
                String where = "attribute " + quoted(attribute.getName()) + " of node " + name;
                unknownFields(attribute, where);
                if (attribute.hasT()) {
                    tensor(attribute.getT(), where);
                }
                for (OnnxMl.TensorProto tensor : attribute.getTensorsList()) {
                    tensor(tensor, where);
                }
                if (attribute.hasSparseTensor()) {
                    sparse(attribute.getSparseTensor(), where);
                }
                for (OnnxMl.SparseTensorProto sparse : attribute.getSparseTensorsList()) {
                    sparse(sparse, where);
                }
                if (attribute.hasG() || attribute.getGraphsCount() > 0
                        || attribute.getType() == OnnxMl.AttributeProto.AttributeType.GRAPH
                        || attribute.getType() == OnnxMl.AttributeProto.AttributeType.GRAPHS) {
                    add(Kind.SUBGRAPH, where + " (" + quoted(node.getOpType()) + ")");
                }
                if (attribute.hasG()) {
                    graph(attribute.getG(), "a subgraph");
                }
                for (OnnxMl.GraphProto subgraph : attribute.getGraphsList()) {
                    graph(subgraph, "a subgraph");
                }
            }
        }

        private void sparse(OnnxMl.SparseTensorProto sparse, String where) {
            unknownFields(sparse, where);
            tensor(sparse.getValues(), where);
            tensor(sparse.getIndices(), where);
        }

        private void tensor(OnnxMl.TensorProto tensor, String where) {
            String name = tensor.getName().isEmpty() ? "(unnamed)" : quoted(tensor.getName());
            // either field alone makes ONNX Runtime look for a file; neither value is ever repeated back
            if (tensor.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL
                    || tensor.getExternalDataCount() > 0) {
                add(Kind.EXTERNAL, "tensor " + name + " (" + where + ")");
            }
            unknownFields(tensor, "tensor " + name + " (" + where + ")");
        }

        /** A field these classes do not know could be a newer way to point at data: not guessed at. */
        private void unknownFields(MessageOrBuilder message, String where) {
            if (!message.getUnknownFields().asMap().isEmpty()) {
                add(Kind.UNKNOWN, where);
            }
        }

        List<String> refusals() {
            List<String> out = new ArrayList<>();
            for (Map.Entry<Kind, List<String>> e : found.entrySet()) {
                int count = counts.get(e.getKey());
                String places = String.join(", ", e.getValue()) + (count > e.getValue().size()
                        ? " and " + (count - e.getValue().size()) + " more" : "");
                out.add(String.format(e.getKey().message, places));
            }
            return out;
        }
    }

    /** What is refused, in the order the messages are given; each format takes the places found. */
    private enum Kind {
        EXTERNAL("External data is not accepted; found in %s. Values kept in a separate file would be read from "
                + "the server's disk (the file named is not opened). Save the model with every tensor inside the "
                + ".onnx file (onnx.save_model(model, path, save_as_external_data=False))."),
        UNKNOWN("Fields this version of ONNX's format does not define are not accepted; found in %s. Export with "
                + "a standard ONNX exporter."),
        FUNCTION("Model-local functions are not accepted (%s): inline them before uploading "
                + "(onnx.inliner.inline_local_functions)."),
        TRAINING("Training information is not accepted (%s): serving only runs the graph; remove it from the "
                + "model."),
        SUBGRAPH("Subgraphs (If, Loop, Scan) are not accepted; found in %s. Shelfwise's formats need none: "
                + "export a graph without control flow."),
        DOMAIN("Only standard ONNX operators (domain '' or 'ai.onnx') are accepted; another domain is used by %s. "
                + "Export without custom or runtime-specific operators."),
        OPSET("Only the standard ONNX operator set (domain '' or 'ai.onnx') may be imported; the model also "
                + "imports %s. Remove that opset import.");

        final String message;

        Kind(String message) {
            this.message = message;
        }
    }
}

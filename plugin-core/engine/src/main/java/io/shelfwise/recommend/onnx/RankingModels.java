package io.shelfwise.recommend.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.shelfwise.onnx.ModelLoadException;

import java.io.IOException;

/** Loads any Shelfwise recommender artifact, choosing the loader by the format in its metadata. */
public final class RankingModels {

    private RankingModels() {
    }

    /**
     * Loads and validates a neighbour graph or a sequence graph.
     *
     * @throws ModelLoadException if the bytes are not a valid, consistent Shelfwise recommender graph
     */
    public static RankingModel load(byte[] onnx) throws ModelLoadException {
        if (onnx == null || onnx.length == 0) {
            throw new ModelLoadException("The model file is empty");
        }
        String format = format(onnx);
        if (SequenceGraph.FORMAT.equals(format)) {
            return OnnxSequenceModel.load(onnx);
        }
        // the neighbour loader reports anything else, a missing format included, with its own message
        return OnnxNeighbourModel.load(onnx);
    }

    /** The format entry of the metadata, read without parsing the graph (its field is skipped), or null. */
    static String format(byte[] onnx) {
        CodedInputStream in = CodedInputStream.newInstance(onnx);
        in.setSizeLimit(Integer.MAX_VALUE);
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == OnnxMl.ModelProto.METADATA_PROPS_FIELD_NUMBER
                        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    OnnxMl.StringStringEntryProto entry = OnnxMl.StringStringEntryProto.parseFrom(in.readBytes());
                    if (entry.getKey().equals(NeighbourGraph.META_FORMAT)) {
                        return entry.getValue();
                    }
                } else if (!in.skipField(tag)) {
                    return null;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}

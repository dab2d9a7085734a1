package io.shelfwise.recommend.sequence;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.SequenceGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test fixtures: sequence models with random weights of the shapes training produces, exported as our own
 * {@link SequenceGraph}: the real export, without DJL or PyTorch, in milliseconds.
 */
public final class UntrainedSequenceModels {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);

    private UntrainedSequenceModels() {
    }

    /** A GRU4Rec-style graph over {@code itemIds} (dimension 8, maximum length 8). */
    public static byte[] gru(List<String> itemIds, long seed) {
        return onnx(model("gru", SequenceSettings.gru(), itemIds, seed), itemIds);
    }

    /** A SASRec-style graph over {@code itemIds} (dimension 8, two heads, two blocks, maximum length 8). */
    public static byte[] sasrec(List<String> itemIds, long seed) {
        return onnx(model("sasrec", SequenceSettings.selfAttention().heads(2), itemIds, seed), itemIds);
    }

    private static SequenceModel model(String name, SequenceSettings.Builder builder, List<String> itemIds,
                                       long seed) {
        SequenceSettings settings = builder.dimension(8).blocks(2).maxLength(8).build();
        int d = settings.dimension();
        Random random = new Random(seed);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        put(tensors, shapes, random, SequenceModel.ITEM_EMBEDDING, itemIds.size(), d);
        if (settings.architecture() == SequenceSettings.Architecture.GRU) {
            put(tensors, shapes, random, SequenceModel.GRU_W_IH, 3 * d, d);
            put(tensors, shapes, random, SequenceModel.GRU_W_HH, 3 * d, d);
            put(tensors, shapes, random, SequenceModel.GRU_B_IH, 3 * d);
            put(tensors, shapes, random, SequenceModel.GRU_B_HH, 3 * d);
        } else {
            put(tensors, shapes, random, SequenceModel.POSITION_EMBEDDING, settings.maxLength(), d);
            for (int b = 0; b < settings.blocks(); b++) {
                for (String part : new String[] {"norm1_gamma", "norm1_beta", "norm2_gamma", "norm2_beta",
                        "bq", "bk", "bv", "bo", "b1", "b2"}) {
                    put(tensors, shapes, random, SequenceModel.block(b, part), d);
                }
                for (String part : new String[] {"wq", "wk", "wv", "wo", "w1", "w2"}) {
                    put(tensors, shapes, random, SequenceModel.block(b, part), d, d);
                }
            }
            put(tensors, shapes, random, SequenceModel.FINAL_NORM_GAMMA, d);
            put(tensors, shapes, random, SequenceModel.FINAL_NORM_BETA, d);
        }
        return new SequenceModel(name, settings, itemIds, tensors, shapes);
    }

    private static void put(Map<String, float[]> tensors, Map<String, int[]> shapes, Random random, String name,
                            int... shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        tensors.put(name, values);
        shapes.put(name, shape);
    }

    private static byte[] onnx(SequenceModel model, List<String> itemIds) {
        InteractionData data = InteractionData.of(new int[][] {{0}}, Collections.singletonList("u"), itemIds);
        return SequenceGraph.export(model, TrainingProvenance.of(model, data, "untrained fixture",
                SequenceModel.class, CLOCK)).toByteArray();
    }
}

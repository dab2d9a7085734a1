package io.shelfwise.sequence;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DJL side of a sequential model: its parameters as PyTorch tensors and the forward pass used in training.
 * Histories come right-padded with the pad id {@code numItems}; both networks are causal (position {@code p} reads
 * positions {@code <= p} only), so padding after a history never changes its outputs. Not thread-safe.
 */
abstract class SequenceNetwork {

    final SequenceSettings settings;
    final int numItems;
    final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    SequenceNetwork(SequenceSettings settings, int numItems, NDManager manager) {
        this.settings = settings;
        this.numItems = numItems;
        this.manager = manager;
        // one extra row: the padding id; scored items are rows 0..numItems-1
        normal(SequenceModel.ITEM_EMBEDDING, 1.0 / Math.sqrt(settings.dimension()), numItems + 1,
                settings.dimension());
    }

    static SequenceNetwork create(SequenceSettings settings, int numItems, NDManager manager) {
        return settings.architecture() == SequenceSettings.Architecture.GRU
                ? new GruNetwork(settings, numItems, manager) : new AttentionNetwork(settings, numItems, manager);
    }

    /** ids: int64 {@code [B, L]}; returns the hidden state at every position, {@code [B, L, d]}. */
    abstract NDArray encode(NDArray ids, boolean training);

    /** The scored item embeddings, {@code [numItems, d]}. */
    NDArray items(NDManager owner) {
        return parameters.get(SequenceModel.ITEM_EMBEDDING).get(owner, new NDIndex("0:" + numItems));
    }

    Map<String, NDArray> parameters() {
        return parameters;
    }

    NDArray embed(NDArray ids) {
        return Embedding.embedding(ids, parameters.get(SequenceModel.ITEM_EMBEDDING), SparseFormat.DENSE)
                .singletonOrThrow();
    }

    NDArray dropout(NDArray x, boolean training) {
        if (!training || settings.dropout() == 0f) {
            return x;
        }
        return Dropout.dropout(x, settings.dropout(), true).singletonOrThrow();
    }

    /**
     * {@code x} times {@code factor}, the factor held in a tensor PyTorch allocated and owns. DJL's
     * {@code NDArray.mul(Number)} wraps the number in a tensor over a Java direct buffer and closes it at once, while
     * autograd keeps that tensor to compute the gradient; once the garbage collector frees the buffer, backward reads
     * freed memory, so the gradient (and every later weight) depended on when the collector ran. Never use DJL's
     * number operands on a tensor that needs a gradient.
     */
    static NDArray scaled(NDArray x, double factor) {
        return x.mul(x.getManager().full(new Shape(), (float) factor, DataType.FLOAT32));
    }

    NDArray layerNorm(NDArray x, String gamma, String beta) {
        return LayerNorm.layerNorm(x, new Shape(settings.dimension()), parameters.get(gamma), parameters.get(beta),
                SequenceModel.NORM_EPSILON).singletonOrThrow();
    }

    NDArray parameter(String name) {
        return parameters.get(name);
    }

    final void normal(String name, double std, long... shape) {
        add(name, manager.randomNormal(0f, (float) std, new Shape(shape), DataType.FLOAT32));
    }

    final void uniform(String name, double bound, long... shape) {
        add(name, manager.randomUniform((float) -bound, (float) bound, new Shape(shape), DataType.FLOAT32));
    }

    final void constant(String name, float value, long... shape) {
        add(name, manager.full(new Shape(shape), value, DataType.FLOAT32));
    }

    private void add(String name, NDArray array) {
        array.setRequiresGradient(true);
        parameters.put(name, array);
    }

    /** A network holding a trained model's weights (the padding row zero), for scoring it with PyTorch. */
    static SequenceNetwork of(SequenceModel model, NDManager manager) {
        SequenceNetwork network = create(model.settings(), model.numItems(), manager);
        for (Map.Entry<String, NDArray> e : network.parameters.entrySet()) {
            float[] values = model.tensor(e.getKey());
            if (e.getKey().equals(SequenceModel.ITEM_EMBEDDING)) {
                values = Arrays.copyOf(values, values.length + model.settings().dimension());
            }
            NDArray array = manager.create(values, e.getValue().getShape());
            e.getValue().close();
            e.setValue(array);
        }
        return network;
    }

    /** The current weights as a plain-Java model; the padding row of the item embedding is dropped. */
    SequenceModel snapshot(String name, List<String> itemIds) {
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray value = e.getKey().equals(SequenceModel.ITEM_EMBEDDING) ? items(manager) : e.getValue();
            try (NDArray detached = value.stopGradient()) {
                tensors.put(e.getKey(), detached.toFloatArray());
                long[] dims = detached.getShape().getShape();
                int[] shape = new int[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = (int) dims[i];
                }
                shapes.put(e.getKey(), shape);
            }
            if (value != e.getValue()) {
                value.close();
            }
        }
        return new SequenceModel(name, settings, itemIds, tensors, shapes);
    }

    /** GRU4Rec-style: embeddings, dropout, one GRU layer, dropout. */
    static final class GruNetwork extends SequenceNetwork {

        GruNetwork(SequenceSettings settings, int numItems, NDManager manager) {
            super(settings, numItems, manager);
            int d = settings.dimension();
            double bound = 1.0 / Math.sqrt(d);
            uniform(SequenceModel.GRU_W_IH, bound, 3L * d, d);
            uniform(SequenceModel.GRU_W_HH, bound, 3L * d, d);
            uniform(SequenceModel.GRU_B_IH, bound, 3L * d);
            uniform(SequenceModel.GRU_B_HH, bound, 3L * d);
        }

        @Override
        NDArray encode(NDArray ids, boolean training) {
            long batch = ids.getShape().get(0);
            NDArray x = dropout(embed(ids), training);
            NDArray h0 = x.getManager().zeros(new Shape(1, batch, settings.dimension()));
            NDList params = new NDList(parameter(SequenceModel.GRU_W_IH), parameter(SequenceModel.GRU_W_HH),
                    parameter(SequenceModel.GRU_B_IH), parameter(SequenceModel.GRU_B_HH));
            NDList out = x.getNDArrayInternal().gru(x, h0, params, true, 1, 0.0, training, false, true);
            return dropout(out.get(0), training);
        }
    }

    /** SASRec-style: scaled item + position embeddings, pre-norm causal self-attention blocks, a final norm. */
    static final class AttentionNetwork extends SequenceNetwork {

        AttentionNetwork(SequenceSettings settings, int numItems, NDManager manager) {
            super(settings, numItems, manager);
            int d = settings.dimension();
            double std = 1.0 / Math.sqrt(d);
            normal(SequenceModel.POSITION_EMBEDDING, std, settings.maxLength(), d);
            for (int b = 0; b < settings.blocks(); b++) {
                constant(SequenceModel.block(b, "norm1_gamma"), 1f, d);
                constant(SequenceModel.block(b, "norm1_beta"), 0f, d);
                for (String w : new String[] {"q", "k", "v", "o"}) {
                    normal(SequenceModel.block(b, "w" + w), std, d, d);
                    constant(SequenceModel.block(b, "b" + w), 0f, d);
                }
                constant(SequenceModel.block(b, "norm2_gamma"), 1f, d);
                constant(SequenceModel.block(b, "norm2_beta"), 0f, d);
                normal(SequenceModel.block(b, "w1"), std, d, d);
                constant(SequenceModel.block(b, "b1"), 0f, d);
                normal(SequenceModel.block(b, "w2"), std, d, d);
                constant(SequenceModel.block(b, "b2"), 0f, d);
            }
            constant(SequenceModel.FINAL_NORM_GAMMA, 1f, d);
            constant(SequenceModel.FINAL_NORM_BETA, 0f, d);
        }

        @Override
        NDArray encode(NDArray ids, boolean training) {
            NDManager m = ids.getManager();
            long batch = ids.getShape().get(0);
            int length = (int) ids.getShape().get(1);
            int d = settings.dimension();
            int heads = settings.heads();
            int dh = d / heads;
            NDArray positions = parameter(SequenceModel.POSITION_EMBEDDING).get(m, new NDIndex("0:" + length));
            NDArray x = dropout(scaled(embed(ids), Math.sqrt(d)).add(positions), training);
            float[] causal = new float[length * length];
            for (int p = 0; p < length; p++) {
                for (int s = p + 1; s < length; s++) {
                    causal[p * length + s] = SequenceModel.MASKED;
                }
            }
            NDArray mask = m.create(causal, new Shape(length, length));
            for (int b = 0; b < settings.blocks(); b++) {
                NDArray h = layerNorm(x, SequenceModel.block(b, "norm1_gamma"), SequenceModel.block(b, "norm1_beta"));
                NDArray q = heads(affine(h, b, "q"), batch, length, heads, dh);
                NDArray k = heads(affine(h, b, "k"), batch, length, heads, dh);
                NDArray v = heads(affine(h, b, "v"), batch, length, heads, dh);
                NDArray weights = scaled(q.matMul(k.transpose(0, 1, 3, 2)), 1.0 / Math.sqrt(dh)).add(mask)
                        .softmax(-1);
                NDArray context = dropout(weights, training).matMul(v).transpose(0, 2, 1, 3)
                        .reshape(batch, length, d);
                x = x.add(dropout(affine(context, b, "o"), training));
                NDArray h2 = layerNorm(x, SequenceModel.block(b, "norm2_gamma"), SequenceModel.block(b, "norm2_beta"));
                NDArray inner = dropout(Activation.relu(affine(h2, b, "1")), training);
                x = x.add(dropout(affine(inner, b, "2"), training));
            }
            return layerNorm(x, SequenceModel.FINAL_NORM_GAMMA, SequenceModel.FINAL_NORM_BETA);
        }

        private NDArray affine(NDArray x, int b, String which) {
            return x.matMul(parameter(SequenceModel.block(b, "w" + which))).add(parameter(SequenceModel.block(b, "b"
                    + which)));
        }

        private static NDArray heads(NDArray x, long batch, int length, int heads, int dh) {
            return x.reshape(batch, length, heads, dh).transpose(0, 2, 1, 3);
        }
    }
}

package io.shelfwise.recommend.sequence;

import io.shelfwise.recommend.algo.ItemScorer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained sequential next-item model: its settings, catalogue and learned weights as plain arrays, with a
 * plain-Java forward pass, so scoring needs neither DJL nor PyTorch. A history is read oldest first, cut to its
 * latest {@link SequenceSettings#maxLength()} items, encoded into one vector, and each item scores the dot product
 * of that vector with the item's embedding. Immutable and thread-safe.
 *
 * <p>Weights are named tensors in row-major order (see {@link #tensorNames()}); matrices multiply from the right
 * ({@code x · W}, shape {@code [in, out]}), except the GRU's, which keep PyTorch's {@code [3h, in]} layout with gates
 * in the order reset, update, new.
 */
public final class SequenceModel implements ItemScorer {

    public static final String ITEM_EMBEDDING = "item_embedding";
    public static final String POSITION_EMBEDDING = "position_embedding";
    public static final String GRU_W_IH = "gru_w_ih";
    public static final String GRU_W_HH = "gru_w_hh";
    public static final String GRU_B_IH = "gru_b_ih";
    public static final String GRU_B_HH = "gru_b_hh";
    public static final String FINAL_NORM_GAMMA = "final_norm_gamma";
    public static final String FINAL_NORM_BETA = "final_norm_beta";
    /** Layer-norm epsilon of every normalisation, in training, here and in the ONNX graph. */
    public static final float NORM_EPSILON = 1e-5f;
    /** Added to the attention logits of later positions (causal mask). */
    public static final float MASKED = -1e9f;

    private final String name;
    private final SequenceSettings settings;
    private final List<String> itemIds;
    private final Map<String, float[]> tensors;
    private final Map<String, int[]> shapes;
    private final float[] items;
    private final int dimension;

    public SequenceModel(String name, SequenceSettings settings, List<String> itemIds, Map<String, float[]> tensors,
                  Map<String, int[]> shapes) {
        this.name = name;
        this.settings = settings;
        this.itemIds = Collections.unmodifiableList(new ArrayList<>(itemIds));
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(shapes));
        this.items = tensors.get(ITEM_EMBEDDING);
        this.dimension = settings.dimension();
        if (items == null || items.length != itemIds.size() * dimension) {
            throw new IllegalArgumentException("The item embedding must be [" + itemIds.size() + ", " + dimension + "]");
        }
    }

    /** Block {@code b}'s tensor {@code part}, e.g. {@code block(0, "wq")}. */
    public static String block(int b, String part) {
        return "block" + b + "." + part;
    }

    /** The strategy/model name, e.g. {@code gru} or {@code sasrec}. */
    public String name() {
        return name;
    }

    public SequenceSettings settings() {
        return settings;
    }

    public List<String> itemIds() {
        return itemIds;
    }

    @Override
    public int numItems() {
        return itemIds.size();
    }

    /** The tensors' names, in a fixed order. */
    public List<String> tensorNames() {
        return new ArrayList<>(tensors.keySet());
    }

    /** A copy of the named tensor's values, row-major. */
    public float[] tensor(String tensorName) {
        float[] values = tensors.get(tensorName);
        if (values == null) {
            throw new IllegalArgumentException("The model has no tensor " + tensorName + "; it has " + tensors.keySet());
        }
        return values.clone();
    }

    public int[] shape(String tensorName) {
        int[] shape = shapes.get(tensorName);
        if (shape == null) {
            throw new IllegalArgumentException("The model has no tensor " + tensorName);
        }
        return shape.clone();
    }

    /** Bytes of all weights (4 per value). */
    public long weightBytes() {
        long n = 0;
        for (float[] t : tensors.values()) {
            n += 4L * t.length;
        }
        return n;
    }

    /**
     * Scores every item for a history: the dot product of the encoded history with each item embedding. An empty
     * history (or one with no item of this catalogue) adds nothing.
     */
    @Override
    public void score(int[] history, float[] scores) {
        float[] user = encode(history);
        if (user == null) {
            return;
        }
        dot(user, items, dimension, scores);
    }

    /** Adds {@code user · items[i]} to {@code scores[i]} for every row {@code i} of the {@code [n, d]} table. */
    static void dot(float[] user, float[] items, int d, float[] scores) {
        int n = items.length / d;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int j = 0;
            for (; j + 3 < d; j += 4) {
                s0 += user[j] * items[o + j];
                s1 += user[j + 1] * items[o + j + 1];
                s2 += user[j + 2] * items[o + j + 2];
                s3 += user[j + 3] * items[o + j + 3];
            }
            for (; j < d; j++) {
                s0 += user[j] * items[o + j];
            }
            scores[i] += (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * The history's vector (length {@link SequenceSettings#dimension()}), or {@code null} when the history has no
     * item of this catalogue. Items outside the catalogue are skipped; only the latest
     * {@link SequenceSettings#maxLength()} are read.
     */
    public float[] encode(int[] history) {
        int[] ids = recent(history, itemIds.size(), settings.maxLength());
        if (ids.length == 0) {
            return null;
        }
        return settings.architecture() == SequenceSettings.Architecture.GRU ? encodeGru(ids) : encodeAttention(ids);
    }

    /** The latest {@code maxLength} items of the history that lie in {@code [0, numItems)}, oldest first. */
    public static int[] recent(int[] history, int numItems, int maxLength) {
        int valid = 0;
        for (int item : history) {
            if (item >= 0 && item < numItems) {
                valid++;
            }
        }
        int[] ids = new int[Math.min(valid, maxLength)];
        int skip = valid - ids.length;
        int p = 0;
        for (int item : history) {
            if (item >= 0 && item < numItems) {
                if (skip > 0) {
                    skip--;
                } else {
                    ids[p++] = item;
                }
            }
        }
        return ids;
    }

    private float[] encodeGru(int[] ids) {
        int d = dimension;
        float[] wih = tensors.get(GRU_W_IH);
        float[] whh = tensors.get(GRU_W_HH);
        float[] bih = tensors.get(GRU_B_IH);
        float[] bhh = tensors.get(GRU_B_HH);
        float[] h = new float[d];
        float[] gi = new float[3 * d];
        float[] gh = new float[3 * d];
        for (int id : ids) {
            int o = id * d;
            for (int g = 0; g < 3 * d; g++) {
                float si = bih[g];
                float sh = bhh[g];
                int row = g * d;
                for (int j = 0; j < d; j++) {
                    si += wih[row + j] * items[o + j];
                    sh += whh[row + j] * h[j];
                }
                gi[g] = si;
                gh[g] = sh;
            }
            for (int j = 0; j < d; j++) {
                float r = sigmoid(gi[j] + gh[j]);
                float z = sigmoid(gi[d + j] + gh[d + j]);
                float n = (float) Math.tanh(gi[2 * d + j] + r * gh[2 * d + j]);
                h[j] = (1 - z) * n + z * h[j];
            }
        }
        return h;
    }

    private float[] encodeAttention(int[] ids) {
        int d = dimension;
        int t = ids.length;
        float scale = (float) Math.sqrt(d);
        float[] position = tensors.get(POSITION_EMBEDDING);
        float[] x = new float[t * d];
        for (int p = 0; p < t; p++) {
            for (int j = 0; j < d; j++) {
                x[p * d + j] = items[ids[p] * d + j] * scale + position[p * d + j];
            }
        }
        int heads = settings.heads();
        int dh = d / heads;
        float attentionScale = (float) (1.0 / Math.sqrt(dh));
        for (int b = 0; b < settings.blocks(); b++) {
            float[] h = layerNorm(x, t, d, tensors.get(block(b, "norm1_gamma")), tensors.get(block(b, "norm1_beta")));
            float[] q = affine(h, t, d, d, tensors.get(block(b, "wq")), tensors.get(block(b, "bq")));
            float[] k = affine(h, t, d, d, tensors.get(block(b, "wk")), tensors.get(block(b, "bk")));
            float[] v = affine(h, t, d, d, tensors.get(block(b, "wv")), tensors.get(block(b, "bv")));
            float[] context = new float[t * d];
            float[] weights = new float[t];
            for (int head = 0; head < heads; head++) {
                int off = head * dh;
                for (int p = 0; p < t; p++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int s = 0; s < t; s++) {
                        float dot = 0;
                        for (int j = 0; j < dh; j++) {
                            dot += q[p * d + off + j] * k[s * d + off + j];
                        }
                        float w = dot * attentionScale + (s > p ? MASKED : 0f);
                        weights[s] = w;
                        max = Math.max(max, w);
                    }
                    float sum = 0;
                    for (int s = 0; s < t; s++) {
                        weights[s] = (float) Math.exp(weights[s] - max);
                        sum += weights[s];
                    }
                    for (int s = 0; s < t; s++) {
                        float w = weights[s] / sum;
                        for (int j = 0; j < dh; j++) {
                            context[p * d + off + j] += w * v[s * d + off + j];
                        }
                    }
                }
            }
            float[] attended = affine(context, t, d, d, tensors.get(block(b, "wo")), tensors.get(block(b, "bo")));
            add(x, attended);
            float[] h2 = layerNorm(x, t, d, tensors.get(block(b, "norm2_gamma")), tensors.get(block(b, "norm2_beta")));
            float[] inner = affine(h2, t, d, d, tensors.get(block(b, "w1")), tensors.get(block(b, "b1")));
            for (int i = 0; i < inner.length; i++) {
                inner[i] = Math.max(0f, inner[i]);
            }
            add(x, affine(inner, t, d, d, tensors.get(block(b, "w2")), tensors.get(block(b, "b2"))));
        }
        float[] last = new float[d];
        System.arraycopy(x, (t - 1) * d, last, 0, d);
        return layerNorm(last, 1, d, tensors.get(FINAL_NORM_GAMMA), tensors.get(FINAL_NORM_BETA));
    }

    private static float[] affine(float[] x, int rows, int in, int out, float[] w, float[] bias) {
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                y[r * out + o] = bias[o];
            }
            for (int i = 0; i < in; i++) {
                float xi = x[r * in + i];
                int row = i * out;
                for (int o = 0; o < out; o++) {
                    y[r * out + o] += xi * w[row + o];
                }
            }
        }
        return y;
    }

    private static float[] layerNorm(float[] x, int rows, int d, float[] gamma, float[] beta) {
        float[] y = new float[rows * d];
        for (int r = 0; r < rows; r++) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += x[r * d + j];
            }
            mean /= d;
            double variance = 0;
            for (int j = 0; j < d; j++) {
                double c = x[r * d + j] - mean;
                variance += c * c;
            }
            variance /= d;
            double inv = 1.0 / Math.sqrt(variance + NORM_EPSILON);
            for (int j = 0; j < d; j++) {
                y[r * d + j] = (float) ((x[r * d + j] - mean) * inv) * gamma[j] + beta[j];
            }
        }
        return y;
    }

    private static void add(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    @Override
    public String toString() {
        return "SequenceModel[" + name + ", " + itemIds.size() + " items, " + settings.asMap() + "]";
    }
}

package io.shelfwise.price.train;

import io.shelfwise.price.ProductListing;
import io.shelfwise.text.PriceText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a product listing into the price model's input, using only what training products teach: binary words and
 * bigrams of its text (the bag of words), and dense features about the training products that resemble it -
 * text neighbours (TF-IDF cosine) and their prices, products with numerically close codes, variants sharing the code
 * stem - plus its pack size and text length. Dense features are standardised with the training products' means and
 * spreads, so the linear model's L2 penalty treats them alike.
 *
 * <p>A training product's own features are computed leave-one-out (it is never its own neighbour), so they look like
 * those of a product the model has not seen: no price leaks into its own features. Immutable after construction;
 * thread-safe.
 */
final class PriceFeatures {

    static final int NEIGHBOURS = 10;
    /** Weight of code closeness added to text similarity when ranking neighbours. */
    static final double CODE_BONUS = 0.2;
    static final double CODE_SCALE = 5.0;
    /** Standardised dense features are clipped to [-CLIP, CLIP]. */
    static final double CLIP = 4.0;

    /** Dense feature names, in order. */
    static final List<String> DENSE = Collections.unmodifiableList(Arrays.asList(
            "f:similar_price", "f:similarity", "f:similar_price_x_similarity", "f:similar_spread",
            "f:text_similar_price", "f:code_near2_price", "f:code_near4_price", "f:code_gap", "f:code_not_numeric",
            "f:variant_known", "f:variant_price", "f:pack_size", "f:text_length", "f:code_lower_case"));

    /**
     * Dense features that are 0 or 1. Standardised like the others but never clipped: a rare indicator (a fee code,
     * a guest-only listing) standardises far beyond the clip, and clipping would cap its effect and garble its label.
     */
    static final Set<String> INDICATORS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "f:code_not_numeric", "f:variant_known", "f:code_lower_case")));

    /** One training product: id, text, category and log(1 + typical price). */
    static final class Row {
        final String id;
        final String text;
        final String category;
        final double logPrice;

        Row(String id, String text, String category, double logPrice) {
            this.id = id;
            this.text = text == null ? "" : text;
            this.category = category;
            this.logPrice = logPrice;
        }
    }

    /** Names and values of one product's features (zero-valued bag-of-words entries left out). */
    static final class Vector {
        final String[] names;
        final double[] values;
        /** No word known to training and no numbered code: nothing resembles the product. */
        final boolean unfamiliar;

        Vector(String[] names, double[] values, boolean unfamiliar) {
            this.names = names;
            this.values = values;
            this.unfamiliar = unfamiliar;
        }
    }

    private final List<Row> rows;
    private final double globalMean;
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final Map<String, Integer> rowOfId = new HashMap<>();
    private final double[] idf;
    private final int[][] productTokens;
    private final float[][] productWeights;
    private final int[][] postings;
    private final float[][] postingWeights;
    private final long[] sortedStems;
    private final int[] sortedStemRows;
    private final Map<Long, int[]> variants = new HashMap<>();
    private final List<String> bagOfWords;
    private final Set<String> bagOfWordsSet;
    private final double[] denseMean;
    private final double[] denseSd;

    private PriceFeatures(List<Row> rows, List<String> bagOfWords, double[] denseMean, double[] denseSd) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No training products with a valid price: nothing to learn from");
        }
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        double sum = 0;
        for (Row r : rows) {
            sum += r.logPrice;
        }
        this.globalMean = sum / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            rowOfId.put(rows.get(i).id, i);
        }
        // Document frequencies of words and bigrams.
        List<List<String>> tokens = new ArrayList<>(rows.size());
        Map<String, Integer> df = new LinkedHashMap<>();
        for (Row r : rows) {
            List<String> t = tokens(r.text, r.category);
            tokens.add(t);
            for (String s : new TreeSet<>(t)) {
                df.merge(s, 1, Integer::sum);
            }
        }
        int n = rows.size();
        idf = new double[df.size()];
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            int id = tokenIds.size();
            tokenIds.put(e.getKey(), id);
            idf[id] = Math.log((n + 1.0) / (e.getValue() + 1.0));
        }
        productTokens = new int[n][];
        productWeights = new float[n][];
        int[] postingCount = new int[idf.length];
        for (int i = 0; i < n; i++) {
            Sparse v = tfidf(tokens.get(i));
            productTokens[i] = v.ids;
            productWeights[i] = v.weights;
            for (int id : v.ids) {
                postingCount[id]++;
            }
        }
        postings = new int[idf.length][];
        postingWeights = new float[idf.length][];
        for (int t = 0; t < idf.length; t++) {
            postings[t] = new int[postingCount[t]];
            postingWeights[t] = new float[postingCount[t]];
        }
        int[] fill = new int[idf.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < productTokens[i].length; k++) {
                int t = productTokens[i][k];
                postings[t][fill[t]] = i;
                postingWeights[t][fill[t]++] = productWeights[i][k];
            }
        }
        // Numeric code stems, sorted, and variants per stem.
        List<long[]> stems = new ArrayList<>();
        Map<Long, List<Integer>> byStem = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ProductCode code = ProductCode.of(rows.get(i).id);
            if (code.numeric()) {
                stems.add(new long[] {code.stem(), i});
                byStem.computeIfAbsent(code.stem(), k -> new ArrayList<>()).add(i);
            }
        }
        stems.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        sortedStems = new long[stems.size()];
        sortedStemRows = new int[stems.size()];
        for (int i = 0; i < stems.size(); i++) {
            sortedStems[i] = stems.get(i)[0];
            sortedStemRows[i] = (int) stems.get(i)[1];
        }
        for (Map.Entry<Long, List<Integer>> e : byStem.entrySet()) {
            int[] members = new int[e.getValue().size()];
            for (int i = 0; i < members.length; i++) {
                members[i] = e.getValue().get(i);
            }
            variants.put(e.getKey(), members);
        }
        if (bagOfWords == null) {
            // Words seen in training, bigrams seen in at least two products (rarer ones only memorise).
            List<String> vocabulary = new ArrayList<>();
            for (Map.Entry<String, Integer> e : df.entrySet()) {
                if (!e.getKey().contains("_") || e.getValue() >= 2) {
                    vocabulary.add(e.getKey());
                }
            }
            bagOfWords = vocabulary;
        }
        this.bagOfWords = Collections.unmodifiableList(new ArrayList<>(bagOfWords));
        this.bagOfWordsSet = new HashSet<>(bagOfWords);
        if (denseMean == null) {
            double[][] raw = new double[n][];
            for (int i = 0; i < n; i++) {
                raw[i] = dense(rows.get(i), tokens.get(i), i);
            }
            denseMean = new double[DENSE.size()];
            denseSd = new double[DENSE.size()];
            for (int j = 0; j < DENSE.size(); j++) {
                double s = 0;
                for (double[] r : raw) {
                    s += r[j];
                }
                double mean = s / n;
                double ss = 0;
                for (double[] r : raw) {
                    ss += (r[j] - mean) * (r[j] - mean);
                }
                denseMean[j] = mean;
                denseSd[j] = Math.sqrt(ss / n) > 1e-3 ? Math.sqrt(ss / n) : 1.0;
            }
        }
        this.denseMean = denseMean.clone();
        this.denseSd = denseSd.clone();
    }

    /** Learns the vocabulary, neighbour indexes and feature scales from training products. */
    static PriceFeatures fit(List<Row> rows) {
        return new PriceFeatures(rows, null, null, null);
    }

    /** Rebuilds fitted features from what {@link #rows()}, {@link #bagOfWords()} and the scales saved. */
    static PriceFeatures restore(List<Row> rows, List<String> bagOfWords, double[] denseMean, double[] denseSd) {
        if (denseMean.length != DENSE.size() || denseSd.length != DENSE.size()) {
            throw new IllegalArgumentException("Saved price features have " + denseMean.length
                    + " dense scales, this version uses " + DENSE.size());
        }
        return new PriceFeatures(rows, bagOfWords, denseMean, denseSd);
    }

    List<Row> rows() {
        return rows;
    }

    List<String> bagOfWords() {
        return bagOfWords;
    }

    double[] denseMean() {
        return denseMean.clone();
    }

    double[] denseSd() {
        return denseSd.clone();
    }

    /** Mean log(1 + price) over training products: what a product unlike any other is priced from. */
    double globalMean() {
        return globalMean;
    }

    /** Features of training product {@code row}, computed as if it were unknown (leave-one-out). */
    Vector trainingFeatures(int row) {
        Row r = rows.get(row);
        return vector(tokens(r.text, r.category), r, row);
    }

    /**
     * Features of any listing. A training product with the same id is left out of its neighbours, as in training:
     * the suggestion for a product on sale comes from what the others teach, not from its own price.
     */
    Vector features(ProductListing listing) {
        Row r = new Row(listing.id(), listing.text(), listing.category(), Double.NaN);
        Integer self = rowOfId.get(listing.id());
        return vector(tokens(r.text, r.category), r, self == null ? -1 : self);
    }

    private Vector vector(List<String> tokens, Row r, int exclude) {
        double[] dense = dense(r, tokens, exclude);
        TreeSet<String> words = new TreeSet<>();
        for (String t : tokens) {
            if (bagOfWordsSet.contains(t)) {
                words.add(t);
            }
        }
        String[] names = new String[DENSE.size() + words.size()];
        double[] values = new double[names.length];
        int i = 0;
        for (int j = 0; j < DENSE.size(); j++, i++) {
            names[i] = DENSE.get(j);
            // Clipped: a product far outside what training saw must not get an extreme price from one feature.
            // Indicators are not: 1 is as far as they go.
            double z = (dense[j] - denseMean[j]) / denseSd[j];
            values[i] = INDICATORS.contains(DENSE.get(j)) ? z : Math.max(-CLIP, Math.min(CLIP, z));
        }
        for (String w : words) {
            names[i] = "w:" + w;
            values[i++] = 1.0;
        }
        boolean unfamiliar = tfidf(tokens).ids.length == 0 && !ProductCode.of(r.id).numeric();
        return new Vector(names, values, unfamiliar);
    }

    private double[] dense(Row r, List<String> tokens, int exclude) {
        double g = globalMean;
        Sparse query = tfidf(tokens);
        ProductCode code = ProductCode.of(r.id);
        Neighbours blended = neighbours(query, code, exclude, NEIGHBOURS, true);
        Neighbours text = neighbours(query, code, exclude, NEIGHBOURS, false);
        double[] f = new double[DENSE.size()];
        double similarPrice = blended.count == 0 ? g : blended.weightedMean(this);
        f[0] = similarPrice;
        f[1] = text.topSimilarity;
        f[2] = (similarPrice - g) * text.topSimilarity;
        f[3] = blended.count == 0 ? 0 : blended.weightedSpread(this, similarPrice);
        f[4] = text.count == 0 ? g : text.weightedMean(this);
        if (code.numeric() && sortedStems.length > 0) {
            int[] near = nearestCodes(code.stem(), exclude, 4);
            f[5] = meanPrice(near, 2);
            f[6] = meanPrice(near, 4);
            f[7] = near.length == 0 ? 0 : Math.log1p(Math.abs(stemOf(near[0]) - code.stem()));
            f[8] = 0;
            int[] members = variants.get(code.stem());
            double sum = 0;
            int count = 0;
            if (members != null) {
                for (int m : members) {
                    if (m != exclude && !rows.get(m).id.equals(r.id)) {
                        sum += rows.get(m).logPrice;
                        count++;
                    }
                }
            }
            f[9] = count > 0 ? 1 : 0;
            f[10] = count > 0 ? sum / count - g : 0;
        } else {
            f[5] = g;
            f[6] = g;
            f[7] = 0;
            f[8] = 1;
        }
        List<String> words = new ArrayList<>();
        for (String t : tokens) {
            if (!t.contains("_") && !t.startsWith("c:")) {
                words.add(t);
            }
        }
        f[11] = Math.log1p(PriceText.largestCount(words));
        f[12] = words.size();
        f[13] = code.lowerCaseSuffix() ? 1 : 0;
        return f;
    }

    private long stemOf(int row) {
        return ProductCode.of(rows.get(row).id).stem();
    }

    private double meanPrice(int[] near, int k) {
        if (near.length == 0) {
            return globalMean;
        }
        double s = 0;
        int n = Math.min(k, near.length);
        for (int i = 0; i < n; i++) {
            s += rows.get(near[i]).logPrice;
        }
        return s / n;
    }

    /** Rows of the k training products whose numeric codes are closest to {@code stem}, closest first. */
    int[] nearestCodes(long stem, int exclude, int k) {
        int pos = Arrays.binarySearch(sortedStems, stem);
        if (pos < 0) {
            pos = -pos - 1;
        } else {
            while (pos > 0 && sortedStems[pos - 1] == stem) {
                pos--;
            }
        }
        int lo = pos - 1;
        int hi = pos;
        int[] out = new int[k];
        int found = 0;
        while (found < k && (lo >= 0 || hi < sortedStems.length)) {
            boolean takeHi = lo < 0 || (hi < sortedStems.length
                    && Math.abs(sortedStems[hi] - stem) <= Math.abs(stem - sortedStems[lo]));
            int row = takeHi ? sortedStemRows[hi++] : sortedStemRows[lo--];
            if (row != exclude) {
                out[found++] = row;
            }
        }
        return Arrays.copyOf(out, found);
    }

    private static final class Neighbours {
        int[] rows;
        double[] scores;
        int count;
        double topSimilarity;

        double weightedMean(PriceFeatures f) {
            double s = 0;
            double w = 0;
            for (int i = 0; i < count; i++) {
                double weight = Math.max(scores[i], 1e-6) * Math.max(scores[i], 1e-6);
                s += weight * f.rows.get(rows[i]).logPrice;
                w += weight;
            }
            return s / w;
        }

        double weightedSpread(PriceFeatures f, double mean) {
            double s = 0;
            double w = 0;
            for (int i = 0; i < count; i++) {
                double weight = Math.max(scores[i], 1e-6) * Math.max(scores[i], 1e-6);
                double d = f.rows.get(rows[i]).logPrice - mean;
                s += weight * d * d;
                w += weight;
            }
            return Math.sqrt(s / w);
        }
    }

    private Neighbours neighbours(Sparse query, ProductCode code, int exclude, int k, boolean codeBonus) {
        Map<Integer, Double> scores = new HashMap<>();
        for (int q = 0; q < query.ids.length; q++) {
            int t = query.ids[q];
            for (int p = 0; p < postings[t].length; p++) {
                int row = postings[t][p];
                if (row != exclude) {
                    scores.merge(row, (double) query.weights[q] * postingWeights[t][p], Double::sum);
                }
            }
        }
        Neighbours nb = new Neighbours();
        double top = 0;
        List<double[]> ranked = new ArrayList<>(scores.size());
        for (Map.Entry<Integer, Double> e : scores.entrySet()) {
            double s = e.getValue();
            top = Math.max(top, s);
            if (codeBonus && code.numeric()) {
                ProductCode other = ProductCode.of(rows.get(e.getKey()).id);
                if (other.numeric()) {
                    s += CODE_BONUS * Math.exp(-Math.abs(other.stem() - code.stem()) / CODE_SCALE);
                }
            }
            ranked.add(new double[] {s, e.getKey()});
        }
        ranked.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        nb.count = Math.min(k, ranked.size());
        nb.rows = new int[nb.count];
        nb.scores = new double[nb.count];
        for (int i = 0; i < nb.count; i++) {
            nb.scores[i] = ranked.get(i)[0];
            nb.rows[i] = (int) ranked.get(i)[1];
        }
        nb.topSimilarity = top;
        return nb;
    }

    private static final class Sparse {
        final int[] ids;
        final float[] weights;

        Sparse(int[] ids, float[] weights) {
            this.ids = ids;
            this.weights = weights;
        }
    }

    /** Log-scaled term frequency times idf, L2-normalised; tokens unknown to training are dropped. */
    private Sparse tfidf(List<String> tokens) {
        Map<Integer, Integer> tf = new java.util.TreeMap<>();
        for (String t : tokens) {
            Integer id = tokenIds.get(t);
            if (id != null) {
                tf.merge(id, 1, Integer::sum);
            }
        }
        int[] ids = new int[tf.size()];
        float[] weights = new float[tf.size()];
        double norm = 0;
        int i = 0;
        double[] w = new double[tf.size()];
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            ids[i] = e.getKey();
            w[i] = (1 + Math.log(e.getValue())) * idf[e.getKey()];
            norm += w[i] * w[i];
            i++;
        }
        norm = Math.sqrt(norm);
        for (i = 0; i < w.length; i++) {
            weights[i] = norm > 0 ? (float) (w[i] / norm) : 0f;
        }
        return new Sparse(ids, weights);
    }

    /** Words and bigrams of the text, and the category's words marked {@code c:}. */
    static List<String> tokens(String text, String category) {
        List<String> out = PriceText.wordsAndBigrams(PriceText.words(text));
        if (category != null) {
            for (String w : PriceText.words(category)) {
                out.add("c:" + w);
            }
        }
        return out;
    }
}

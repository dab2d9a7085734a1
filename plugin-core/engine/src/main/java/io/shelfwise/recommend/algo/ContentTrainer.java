package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.ItemContent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Similar items by content: TF-IDF vectors over each item's tokens (see {@link ItemContent}), compared by cosine
 * through an inverted index, each item keeping its {@code neighbours} most similar. The catalogue is the
 * interaction data's items followed by items known only by their content (new products), so a product nobody has
 * viewed yet still has similar items, and is one. Tokens on more than {@code maxDocumentShare} of the items say
 * little and are skipped. A tiny popularity prior breaks ties among equally similar items.
 */
public final class ContentTrainer implements NeighbourTrainer {

    private final java.util.function.Supplier<ItemContent> contentSource;
    private final int neighbours;
    private final double maxDocumentShare;
    private final boolean includeContentOnlyItems;

    /**
     * @param includeContentOnlyItems add items that have content but no interactions to the catalogue (serving: yes;
     *                                evaluation on a fixed catalogue: no)
     */
    public ContentTrainer(ItemContent content, int neighbours, double maxDocumentShare,
                          boolean includeContentOnlyItems) {
        this(() -> content, neighbours, maxDocumentShare, includeContentOnlyItems);
    }

    /** As the other constructor, reading the content only when training (the store's catalogue, say). */
    public ContentTrainer(java.util.function.Supplier<ItemContent> contentSource, int neighbours,
                          double maxDocumentShare, boolean includeContentOnlyItems) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (maxDocumentShare <= 0 || maxDocumentShare > 1) {
            throw new IllegalArgumentException("maxDocumentShare must be in (0, 1], was " + maxDocumentShare);
        }
        this.contentSource = contentSource;
        this.neighbours = neighbours;
        this.maxDocumentShare = maxDocumentShare;
        this.includeContentOnlyItems = includeContentOnlyItems;
    }

    @Override
    public String name() {
        return "content";
    }

    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("neighbours", neighbours);
        settings.put("maxDocumentShare", maxDocumentShare);
        return settings;
    }

    @Override
    public NeighbourModel train(InteractionData data) {
        ItemContent content = contentSource.get();
        List<String> catalogue = new ArrayList<>(data.itemIds());
        if (includeContentOnlyItems) {
            java.util.Set<String> known = new java.util.HashSet<>(catalogue);
            for (String id : content.tokens().keySet()) {
                if (known.add(id)) {
                    catalogue.add(id);
                }
            }
        }
        int n = catalogue.size();
        // token ids and per-item term counts
        Map<String, Integer> tokenIds = new HashMap<>();
        int[][] itemTokens = new int[n][];
        float[][] itemCounts = new float[n][];
        List<Integer> documentFrequency = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> tokens = content.tokens().get(catalogue.get(i));
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            if (tokens != null) {
                for (String token : tokens) {
                    Integer id = tokenIds.get(token);
                    if (id == null) {
                        id = tokenIds.size();
                        tokenIds.put(token, id);
                        documentFrequency.add(0);
                    }
                    counts.merge(id, 1, Integer::sum);
                }
            }
            itemTokens[i] = new int[counts.size()];
            itemCounts[i] = new float[counts.size()];
            int x = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                itemTokens[i][x] = e.getKey();
                itemCounts[i][x] = e.getValue();
                documentFrequency.set(e.getKey(), documentFrequency.get(e.getKey()) + 1);
                x++;
            }
        }
        int numTokens = tokenIds.size();
        int maxDf = Math.max(2, (int) (maxDocumentShare * n));
        // TF-IDF weights, L2-normalised per item; postings of the informative tokens
        int[] postingSize = new int[numTokens];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int x = 0; x < itemTokens[i].length; x++) {
                int df = documentFrequency.get(itemTokens[i][x]);
                double w = df > maxDf ? 0 : (1 + Math.log(itemCounts[i][x])) * Math.log((double) n / df);
                itemCounts[i][x] = (float) w;
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (int x = 0; x < itemTokens[i].length; x++) {
                itemCounts[i][x] = norm > 0 ? (float) (itemCounts[i][x] / norm) : 0f;
                if (itemCounts[i][x] > 0) {
                    postingSize[itemTokens[i][x]]++;
                }
            }
        }
        int[][] postingItems = new int[numTokens][];
        float[][] postingWeights = new float[numTokens][];
        for (int t = 0; t < numTokens; t++) {
            postingItems[t] = new int[postingSize[t]];
            postingWeights[t] = new float[postingSize[t]];
        }
        int[] fill = new int[numTokens];
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < itemTokens[i].length; x++) {
                if (itemCounts[i][x] > 0) {
                    int t = itemTokens[i][x];
                    postingItems[t][fill[t]] = i;
                    postingWeights[t][fill[t]++] = itemCounts[i][x];
                }
            }
        }
        float[] popularity = popularity(data, n);
        int[][] neighbourIds = new int[n][];
        float[][] neighbourWeights = new float[n][];
        float[] dot = new float[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int x = 0; x < itemTokens[i].length; x++) {
                float w = itemCounts[i][x];
                if (w <= 0) {
                    continue;
                }
                int t = itemTokens[i][x];
                int[] items = postingItems[t];
                float[] weights = postingWeights[t];
                for (int p = 0; p < items.length; p++) {
                    int j = items[p];
                    if (j == i) {
                        continue;
                    }
                    if (dot[j] == 0) {
                        touched[count++] = j;
                    }
                    dot[j] += w * weights[p];
                }
            }
            keepTop(i, touched, count, dot, popularity, neighbourIds, neighbourWeights);
        }
        float[] prior = new float[n];
        for (int i = 0; i < n; i++) {
            prior[i] = 1e-4f * popularity[i];
        }
        return new NeighbourModel(name(), catalogue, neighbourIds, neighbourWeights, prior, 1.0);
    }

    /** Popularity in [0, 1] (0 for items with no interactions), to order equally similar items. */
    private static float[] popularity(InteractionData data, int n) {
        float[] counts = new float[n];
        float max = 1;
        for (int u = 0; u < data.numUsers(); u++) {
            for (int item : data.sequence(u)) {
                counts[item]++;
                max = Math.max(max, counts[item]);
            }
        }
        for (int i = 0; i < n; i++) {
            counts[i] /= max;
        }
        return counts;
    }

    /** Keeps the {@code neighbours} best of the touched items (a bounded heap, worst on top) and clears dot. */
    private void keepTop(int item, int[] touched, int count, float[] dot, float[] popularity, int[][] outIds,
                         float[][] outWeights) {
        int m = Math.min(neighbours, count);
        int[] heap = new int[m];
        int size = 0;
        for (int x = 0; x < count; x++) {
            int j = touched[x];
            if (size < m) {
                heap[size] = j;
                siftUp(heap, size++, dot, popularity);
            } else if (better(j, heap[0], dot, popularity)) {
                heap[0] = j;
                siftDown(heap, size, dot, popularity);
            }
        }
        outIds[item] = new int[m];
        outWeights[item] = new float[m];
        for (int r = m - 1; r >= 0; r--) {
            int worst = heap[0];
            outIds[item][r] = worst;
            outWeights[item][r] = dot[worst];
            heap[0] = heap[--size];
            siftDown(heap, size, dot, popularity);
        }
        for (int x = 0; x < count; x++) {
            dot[touched[x]] = 0;
        }
    }

    /** More similar, then more popular, then the lower index. */
    private static boolean better(int a, int b, float[] dot, float[] popularity) {
        if (dot[a] != dot[b]) {
            return dot[a] > dot[b];
        }
        if (popularity[a] != popularity[b]) {
            return popularity[a] > popularity[b];
        }
        return a < b;
    }

    private static void siftUp(int[] heap, int at, float[] dot, float[] popularity) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(heap[parent], heap[at], dot, popularity)) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[at];
            heap[at] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] dot, float[] popularity) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            int worst = at;
            if (left < size && better(heap[worst], heap[left], dot, popularity)) {
                worst = left;
            }
            if (left + 1 < size && better(heap[worst], heap[left + 1], dot, popularity)) {
                worst = left + 1;
            }
            if (worst == at) {
                return;
            }
            int t = heap[worst];
            heap[worst] = heap[at];
            heap[at] = t;
            at = worst;
        }
    }
}

package io.shelfwise.recommend.onnx;

import ai.onnxruntime.OrtException;
import org.tribuo.provenance.ModelProvenance;

import java.util.List;

/**
 * A recommender model loaded for serving: ranks the catalogue for a history. Implementations are thread-safe
 * (ONNX Runtime sessions may run concurrently) and hold native resources until closed. Load one with
 * {@link RankingModels#load(byte[])}, which picks the implementation from the artifact's format.
 */
public interface RankingModel extends AutoCloseable {

    /**
     * The top {@code k} items for a history.
     *
     * @param history catalogue indices, oldest first (see {@link #indexOf}); may be empty
     * @param exclude catalogue indices never to return
     * @param k       how many; more than the catalogue returns the catalogue
     * @return at most {@code k} items, best first, with no excluded item; {@link RankedItems#source} may be -1 for
     *         every item when the model cannot attribute a recommendation to a history item
     * @throws IllegalArgumentException if an index lies outside the catalogue
     * @throws OrtException if ONNX Runtime fails
     */
    RankedItems rank(int[] history, int[] exclude, int k) throws OrtException;

    String strategy();

    /**
     * True when {@link RankedItems#source} names the history item behind each recommendation ("because you viewed
     * X"); false for models that read the history as a whole (sequence models).
     */
    default boolean attributesToHistory() {
        return true;
    }

    List<String> itemIds();

    /** The catalogue index of an item id, or -1 when the model does not know it. */
    int indexOf(String itemId);

    /**
     * How the model was made, or {@code null} when the artifact carries no Tribuo provenance (a model exported by
     * other tools and uploaded; see docs/bring-your-own-model.md).
     */
    ModelProvenance provenance();

    /** Size of the ONNX artifact this model was loaded from. */
    long artifactBytes();

    @Override
    void close();
}

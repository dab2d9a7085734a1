package io.shelfwise.recommend.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Averages of full-ranking metrics at a cut-off k over evaluated users: hit rate (HR@k, equal to recall@k with one
 * target), NDCG@k, MRR@k, and catalogue coverage (share of items that appear in anyone's top k). Immutable.
 */
public final class RankingMetrics {

    private final int k;
    private final int users;
    private final double hitRate;
    private final double ndcg;
    private final double mrr;
    private final double coverage;

    RankingMetrics(int k, int users, double hitRate, double ndcg, double mrr, double coverage) {
        this.k = k;
        this.users = users;
        this.hitRate = hitRate;
        this.ndcg = ndcg;
        this.mrr = mrr;
        this.coverage = coverage;
    }

    public int k() {
        return k;
    }

    /** Users evaluated (those with a target). */
    public int users() {
        return users;
    }

    public double hitRate() {
        return hitRate;
    }

    public double ndcg() {
        return ndcg;
    }

    public double mrr() {
        return mrr;
    }

    public double coverage() {
        return coverage;
    }

    /** The metrics under their report names: HR@k, NDCG@k, MRR@k, Coverage@k. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("HR@" + k, hitRate);
        map.put("NDCG@" + k, ndcg);
        map.put("MRR@" + k, mrr);
        map.put("Coverage@" + k, coverage);
        return map;
    }
}

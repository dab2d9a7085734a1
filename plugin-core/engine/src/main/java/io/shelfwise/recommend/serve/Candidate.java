package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.StrategyInput;

/** An item a model proposed, with what its explanation needs. */
final class Candidate {
    final String itemId;
    final float score;
    final String strategy;
    final StrategyInput input;
    final String version;
    final String sourceId;
    final boolean wholeHistory;

    Candidate(String itemId, float score, String strategy, StrategyInput input, String version, String sourceId,
              boolean wholeHistory) {
        this.itemId = itemId;
        this.score = score;
        this.strategy = strategy;
        this.input = input;
        this.version = version;
        this.sourceId = sourceId;
        this.wholeHistory = wholeHistory;
    }

    Candidate withScore(float value) {
        return new Candidate(itemId, value, strategy, input, version, sourceId, wholeHistory);
    }
}

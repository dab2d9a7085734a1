package io.shelfwise.recommend.eval;

import io.shelfwise.recommend.data.InteractionData;

/**
 * The leave-one-out protocol of the sequential-recommendation literature: each user's last item is the test
 * target and the one before it the validation target. Validation trains on all but the last two items and asks
 * for the second-to-last; test trains on all but the last and asks for the last. Users with fewer than 3 items
 * (validation) or 2 items (test) are not evaluated but their items still train the model.
 */
public final class LeaveOneOut {

    private LeaveOneOut() {
    }

    /** Training data, model inputs and targets of one phase. */
    public static final class Phase {
        public final InteractionData train;
        public final int[][] histories;
        public final int[] targets;

        Phase(InteractionData train, int[][] histories, int[] targets) {
            this.train = train;
            this.histories = histories;
            this.targets = targets;
        }

        /**
         * This phase asked of at most {@code maxUsers} of its users, evenly spread over them (deterministic); the
         * training data stays whole. Tuning on a large store needs no more to tell settings apart.
         */
        public Phase sample(int maxUsers) {
            if (maxUsers < 1) {
                throw new IllegalArgumentException("maxUsers must be at least 1, was " + maxUsers);
            }
            int evaluated = 0;
            for (int target : targets) {
                if (target >= 0) {
                    evaluated++;
                }
            }
            if (evaluated <= maxUsers) {
                return this;
            }
            int[][] keptHistories = new int[histories.length][];
            int[] keptTargets = new int[targets.length];
            java.util.Arrays.fill(keptTargets, -1);
            long rank = 0;
            for (int u = 0; u < targets.length; u++) {
                if (targets[u] < 0) {
                    continue;
                }
                // keep the users where rank * maxUsers / evaluated steps to a new whole number
                if (rank == 0 || (rank * maxUsers) / evaluated != ((rank - 1) * maxUsers) / evaluated) {
                    keptHistories[u] = histories[u];
                    keptTargets[u] = targets[u];
                }
                rank++;
            }
            return new Phase(train, keptHistories, keptTargets);
        }
    }

    /** Hold out the second-to-last item. */
    public static Phase validation(InteractionData data) {
        return phase(data, 2);
    }

    /** Hold out the last item. */
    public static Phase test(InteractionData data) {
        return phase(data, 1);
    }

    private static Phase phase(InteractionData data, int heldOut) {
        int users = data.numUsers();
        int[] keep = new int[users];
        int[] targets = new int[users];
        for (int u = 0; u < users; u++) {
            int n = data.sequence(u).length;
            keep[u] = Math.max(0, n - heldOut);
            targets[u] = n - heldOut >= 1 ? data.sequence(u)[n - heldOut] : -1;
        }
        InteractionData train = data.truncate(keep);
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = targets[u] >= 0 ? train.sequence(u) : null;
        }
        return new Phase(train, histories, targets);
    }
}

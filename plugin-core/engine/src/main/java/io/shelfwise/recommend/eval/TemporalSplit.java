package io.shelfwise.recommend.eval;

import io.shelfwise.recommend.data.InteractionData;

import java.util.Arrays;

/**
 * A time split for timestamped data: everything before the cut-off trains the model, where the cut-off leaves the
 * last {@code testShare} of interactions (by time) after it. Each user with history before the cut-off and at
 * least one interaction after it is asked for their first item after the cut-off (next-item prediction, one
 * target per user, so HR@k keeps its meaning). Validation applies the same rule inside the training part.
 */
public final class TemporalSplit {

    private TemporalSplit() {
    }

    public static LeaveOneOut.Phase test(InteractionData data, double testShare) {
        return split(data, cutoff(data, testShare));
    }

    /** The same split applied to the data before the test cut-off. */
    public static LeaveOneOut.Phase validation(InteractionData data, double testShare) {
        LeaveOneOut.Phase test = test(data, testShare);
        return split(test.train, cutoff(test.train, testShare));
    }

    static long cutoff(InteractionData data, double testShare) {
        if (!data.hasTimes()) {
            throw new IllegalArgumentException("A temporal split needs timestamps; this data has none (use leave-one-out)");
        }
        long[] all = new long[(int) data.size()];
        int n = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            for (long t : data.times(u)) {
                all[n++] = t;
            }
        }
        Arrays.sort(all);
        return all[Math.min(n - 1, (int) Math.floor(n * (1 - testShare)))];
    }

    static LeaveOneOut.Phase split(InteractionData data, long cutoff) {
        int users = data.numUsers();
        int[] keep = new int[users];
        int[] targets = new int[users];
        for (int u = 0; u < users; u++) {
            long[] times = data.times(u);
            int before = 0;
            while (before < times.length && times[before] < cutoff) {
                before++;
            }
            keep[u] = before;
            targets[u] = before > 0 && before < times.length ? data.sequence(u)[before] : -1;
        }
        InteractionData train = data.truncate(keep);
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = targets[u] >= 0 ? train.sequence(u) : null;
        }
        return new LeaveOneOut.Phase(train, histories, targets);
    }
}

package io.shelfwise.recommend.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Shoppers' histories as dense integer ids: user {@code u}'s items in time order are {@code sequence(u)}, item ids
 * are {@code 0..numItems()-1} (the external ids are kept for reporting). Times are optional (sequence files have
 * none). Immutable; the arrays handed out must not be changed.
 */
public final class InteractionData {

    private final int[][] sequences;
    private final long[][] times;
    private final List<String> userIds;
    private final List<String> itemIds;

    InteractionData(int[][] sequences, long[][] times, List<String> userIds, List<String> itemIds) {
        this.sequences = sequences;
        this.times = times;
        this.userIds = Collections.unmodifiableList(userIds);
        this.itemIds = Collections.unmodifiableList(itemIds);
    }

    /** Histories over the given item catalogue, with no times. */
    public static InteractionData of(int[][] sequences, List<String> userIds, List<String> itemIds) {
        for (int[] sequence : sequences) {
            for (int item : sequence) {
                if (item < 0 || item >= itemIds.size()) {
                    throw new IllegalArgumentException("Item " + item + " is outside the catalogue of " + itemIds.size());
                }
            }
        }
        return new InteractionData(sequences, null, userIds, itemIds);
    }

    /** Histories with the time (epoch seconds) of every interaction, oldest first. */
    public static InteractionData of(int[][] sequences, long[][] times, List<String> userIds, List<String> itemIds) {
        InteractionData data = of(sequences, userIds, itemIds);
        if (times.length != sequences.length) {
            throw new IllegalArgumentException("One time list per history is needed");
        }
        for (int u = 0; u < sequences.length; u++) {
            if (times[u].length != sequences[u].length) {
                throw new IllegalArgumentException("History " + u + " has " + sequences[u].length + " items but "
                        + times[u].length + " times");
            }
        }
        return new InteractionData(data.sequences, times, data.userIds, data.itemIds);
    }

    public int numUsers() {
        return sequences.length;
    }

    public int numItems() {
        return itemIds.size();
    }

    /** User {@code u}'s items, oldest first. */
    public int[] sequence(int user) {
        return sequences[user];
    }

    /** Times (epoch seconds) of user {@code u}'s items, or {@code null} when the source had none. */
    public long[] times(int user) {
        return times == null ? null : times[user];
    }

    public boolean hasTimes() {
        return times != null;
    }

    public String userId(int user) {
        return userIds.get(user);
    }

    public String itemId(int item) {
        return itemIds.get(item);
    }

    public List<String> itemIds() {
        return itemIds;
    }

    /** Number of interactions in all. */
    public long size() {
        long n = 0;
        for (int[] sequence : sequences) {
            n += sequence.length;
        }
        return n;
    }

    /** The same catalogue with each history cut to its first {@code keep(u)} items. */
    public InteractionData truncate(int[] keep) {
        int[][] cut = new int[sequences.length][];
        long[][] cutTimes = times == null ? null : new long[sequences.length][];
        for (int u = 0; u < sequences.length; u++) {
            int n = Math.max(0, Math.min(keep[u], sequences[u].length));
            cut[u] = Arrays.copyOf(sequences[u], n);
            if (cutTimes != null) {
                cutTimes[u] = Arrays.copyOf(times[u], n);
            }
        }
        return new InteractionData(cut, cutTimes, userIds, itemIds);
    }
}

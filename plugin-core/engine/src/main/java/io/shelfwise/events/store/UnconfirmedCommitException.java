package io.shelfwise.events.store;

import io.shelfwise.events.InteractionEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The database acknowledged a commit that it did not carry out in full: some events are not in the store
 * ({@link #unstored()}: write them again), and the others are in the database but not known to be safe on disk
 * (call {@link JdbcEventStore#secureWrites()} before counting them stored). HSQLDB 2.3 does this when it cannot write
 * its files, e.g. on a full disk.
 */
public final class UnconfirmedCommitException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    private final transient List<InteractionEvent> unstored;
    private final int batchSize;

    UnconfirmedCommitException(String message, List<InteractionEvent> unstored, int batchSize) {
        super(message, null);
        this.unstored = Collections.unmodifiableList(new ArrayList<>(unstored));
        this.batchSize = batchSize;
    }

    /** The events of the batch that are not in the store, in the order they were appended. */
    public List<InteractionEvent> unstored() {
        return unstored;
    }

    /** The events of the batch that are in the database, not yet secured. */
    public int unsecured() {
        return batchSize - unstored.size();
    }
}

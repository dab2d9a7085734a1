package io.shelfwise.events.io;

import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.store.JdbcEventStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an interaction file into the event store in batches (not through the request-path writer), for
 * evaluation and tests. Not idempotent: importing a file twice stores its events twice.
 */
public final class InteractionImport {

    static final int BATCH = 5_000;

    private InteractionImport() {
    }

    /** Reads the file and appends its events; returns what was read (rejected lines are not stored). */
    public static InteractionFile.Report into(JdbcEventStore store, Path file) throws IOException {
        List<InteractionEvent> batch = new ArrayList<>(BATCH);
        InteractionFile.Report report = InteractionFile.read(file, event -> {
            batch.add(event);
            if (batch.size() == BATCH) {
                store.append(batch);
                batch.clear();
            }
        });
        store.append(batch);
        return report;
    }
}

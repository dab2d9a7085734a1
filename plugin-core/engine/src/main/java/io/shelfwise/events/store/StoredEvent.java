package io.shelfwise.events.store;

import io.shelfwise.events.InteractionEvent;

/** An event as read back from the store, with the id that orders it. Immutable. */
public final class StoredEvent {

    private final long id;
    private final InteractionEvent event;

    StoredEvent(long id, InteractionEvent event) {
        this.id = id;
        this.event = event;
    }

    public long id() {
        return id;
    }

    public InteractionEvent event() {
        return event;
    }
}

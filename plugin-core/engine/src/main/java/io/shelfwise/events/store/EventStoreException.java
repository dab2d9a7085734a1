package io.shelfwise.events.store;

/** The event store's database refused or could not be reached; the message says which operation and why. */
public class EventStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

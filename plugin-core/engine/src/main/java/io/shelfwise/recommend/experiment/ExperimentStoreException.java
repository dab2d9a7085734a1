package io.shelfwise.recommend.experiment;

/** The database failed an {@link ExperimentStore} call; nothing of the call was kept. */
public final class ExperimentStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExperimentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

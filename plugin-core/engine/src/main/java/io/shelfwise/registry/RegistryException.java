package io.shelfwise.registry;

/**
 * The model registry's database refused or could not be reached; the message names the operation and why. Nothing
 * of the operation was kept: each one runs in a single transaction.
 */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.shelfwise.registry;

import java.io.IOException;

/**
 * A model artifact is missing from the model store, or its content is not what was recorded when it was written
 * (its SHA-256 differs: changed, truncated or replaced). The message names the file and the expected hash. Serving
 * should keep the model it has, or fall back, rather than load such a file.
 */
public final class CorruptArtifactException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String fileName;

    public CorruptArtifactException(String fileName, String message) {
        super(message);
        this.fileName = fileName;
    }

    /** The file name, relative to the model store. */
    public String fileName() {
        return fileName;
    }
}

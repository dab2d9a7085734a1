package io.shelfwise.registry;

import java.util.Objects;

/** A model artifact as written to the model store: its file name (relative to the store), SHA-256 and size. Immutable. */
public final class StoredArtifact {

    private final String fileName;
    private final String sha256;
    private final long bytes;

    StoredArtifact(String fileName, String sha256, long bytes) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.bytes = bytes;
    }

    public String fileName() {
        return fileName;
    }

    /** Lower-case hex, 64 characters. */
    public String sha256() {
        return sha256;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StoredArtifact)) {
            return false;
        }
        StoredArtifact that = (StoredArtifact) o;
        return bytes == that.bytes && fileName.equals(that.fileName) && sha256.equals(that.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, sha256, bytes);
    }

    @Override
    public String toString() {
        return fileName + " (" + bytes + " bytes, sha256 " + sha256 + ")";
    }
}

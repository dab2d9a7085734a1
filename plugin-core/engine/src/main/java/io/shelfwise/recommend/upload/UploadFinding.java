package io.shelfwise.recommend.upload;

import java.util.Objects;

/**
 * One thing the check of an uploaded model found: an {@link Severity#ERROR} fails the upload, a
 * {@link Severity#WARNING} or {@link Severity#NOTE} is shown and does not. The message is written for the person
 * who uploaded the file: what is wrong and what to change. Immutable.
 */
public final class UploadFinding {

    /** How much a finding matters. */
    public enum Severity {
        /** The model cannot be served; the upload fails. */
        ERROR,
        /** Served, but probably not as intended (e.g. item ids the catalogue does not know). */
        WARNING,
        /** For information (e.g. how long the dry run took). */
        NOTE
    }

    private final Severity severity;
    private final String message;

    UploadFinding(Severity severity, String message) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.message = Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return severity;
    }

    public String message() {
        return message;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}

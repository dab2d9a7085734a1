package io.shelfwise.recommend.upload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link UploadedModelCheck} found in an uploaded model: passed or failed, with every finding in the order
 * the checks ran. Immutable; holds the uploaded bytes (for {@link ModelUpload} to store) only when they were read
 * in full.
 */
public final class UploadCheckResult {

    private final List<UploadFinding> findings;
    private final String format;
    private final String declaredStrategy;
    private final int itemCount;
    private final long artifactBytes;
    private final byte[] artifact;

    UploadCheckResult(List<UploadFinding> findings, String format, String declaredStrategy, int itemCount,
                      long artifactBytes, byte[] artifact) {
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
        this.format = format;
        this.declaredStrategy = declaredStrategy;
        this.itemCount = itemCount;
        this.artifactBytes = artifactBytes;
        this.artifact = artifact;
    }

    /** True when no finding is an {@link UploadFinding.Severity#ERROR}. */
    public boolean passed() {
        for (UploadFinding finding : findings) {
            if (finding.isError()) {
                return false;
            }
        }
        return true;
    }

    public List<UploadFinding> findings() {
        return findings;
    }

    /** The errors alone. */
    public List<UploadFinding> errors() {
        List<UploadFinding> errors = new ArrayList<>();
        for (UploadFinding finding : findings) {
            if (finding.isError()) {
                errors.add(finding);
            }
        }
        return errors;
    }

    /** The graph format named in the metadata ({@code shelfwise.neighbour-graph.v1}...), or {@code null}. */
    public String format() {
        return format;
    }

    /** The strategy named in the model's own metadata, or {@code null}. */
    public String declaredStrategy() {
        return declaredStrategy;
    }

    /** Items the model lists; 0 when the list could not be read. */
    public int itemCount() {
        return itemCount;
    }

    /** Size of the upload as read (or as declared, when it was refused unread). */
    public long artifactBytes() {
        return artifactBytes;
    }

    /** The bytes, or {@code null} when they were not read in full (too large). */
    byte[] artifact() {
        return artifact;
    }

    /** One line per finding, errors first: what the registry records as the message of a failed upload. */
    public String summary() {
        StringBuilder text = new StringBuilder(passed() ? "Upload passed validation" : "Upload failed validation");
        for (UploadFinding.Severity severity : UploadFinding.Severity.values()) {
            for (UploadFinding finding : findings) {
                if (finding.severity() == severity) {
                    text.append('\n').append(finding);
                }
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}

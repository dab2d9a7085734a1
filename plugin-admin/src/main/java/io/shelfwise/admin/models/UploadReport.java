package io.shelfwise.admin.models;

import io.shelfwise.registry.ModelVersion;
import io.shelfwise.recommend.upload.ModelUpload;
import io.shelfwise.recommend.upload.UploadFinding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the Models page tells the admin after an upload of a bring-your-own model: one sentence saying whether it
 * passed (READY, may now be activated) or failed (recorded FAILED, can never be activated), and every finding of
 * the check, errors first, each as {@code SEVERITY: message}. For an upload under the name of a strategy the store
 * trains itself, the sentence also says that training will put a new version in its place. Host-free, immutable.
 */
public final class UploadReport {

    private final boolean passed;
    private final String message;
    private final List<String> findings;

    private UploadReport(boolean passed, String message, List<String> findings) {
        this.passed = passed;
        this.message = message;
        this.findings = Collections.unmodifiableList(findings);
    }

    /**
     * @param trainedStrategies the strategies the store trains (and retrains on its schedule) itself
     */
    public static UploadReport of(ModelUpload.UploadedVersion uploaded, Collection<String> trainedStrategies) {
        Objects.requireNonNull(uploaded, "uploaded");
        ModelVersion version = uploaded.version();
        List<String> findings = new ArrayList<>();
        for (UploadFinding.Severity severity : UploadFinding.Severity.values()) {
            for (UploadFinding finding : uploaded.check().findings()) {
                if (finding.severity() == severity) {
                    findings.add(finding.toString());
                }
            }
        }
        if (!uploaded.passed() || version.status() != ModelVersion.Status.READY) {
            int errors = uploaded.check().errors().size();
            String why = errors == 0 ? "it could not be stored"
                    : errors == 1 ? "1 problem, listed below"
                    : errors + " problems, listed below";
            return new UploadReport(false, "The upload failed validation (" + why + "): it is recorded as "
                    + version.label() + ", " + version.status() + ", and can never be activated. Nothing else "
                    + "changed. Fix the model and upload it again.", findings);
        }
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
                "Uploaded %s: it passed validation (%d products) and is READY. It serves nothing yet: activate it "
                        + "to serve %s.", version.label(), uploaded.check().itemCount(), version.strategy()));
        if (trainedStrategies.contains(version.strategy())) {
            message.append(" The store trains ").append(version.strategy()).append(" itself: its next scheduled "
                    + "training (or Train now) will put a new trained version in its place.");
        } else {
            message.append(" No placement uses ").append(version.strategy()).append(" until its chain names it "
                    + "(Placement Tuning).");
        }
        return new UploadReport(true, message.toString(), findings);
    }

    /** True when the upload passed and is READY. */
    public boolean passed() {
        return passed;
    }

    /** One sentence for the page's flash message. */
    public String message() {
        return message;
    }

    /** Every finding as {@code SEVERITY: message}, errors first, then warnings, then notes. */
    public List<String> findings() {
        return findings;
    }
}

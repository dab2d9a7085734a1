package io.shelfwise.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shelfwise settings that break their rules: the message names each and says what it must be. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super("Shelfwise cannot start: " + (problems.size() == 1 ? "a setting needs" : problems.size()
                + " settings need") + " fixing in the store's runtime properties:\n  " + String.join("\n  ", problems));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    /** One line per setting: key, value, why it is refused and what it must be. */
    public List<String> problems() {
        return problems;
    }
}

package io.shelfwise.recommend.experiment;

/**
 * What an experiment's figures allow one to say: {@code winner: B} when an arm's CTR differs from the control's
 * significantly and every arm has the minimum sample, else {@code not yet significant} with the reason. Immutable.
 */
public final class Verdict {

    private final String winner;
    private final String reason;

    private Verdict(String winner, String reason) {
        this.winner = winner;
        this.reason = reason;
    }

    static Verdict winner(String arm, String reason) {
        return new Verdict(arm, reason);
    }

    static Verdict notYet(String reason) {
        return new Verdict(null, reason);
    }

    public boolean significant() {
        return winner != null;
    }

    /** The winning arm's name, or {@code null} while not significant. */
    public String winner() {
        return winner;
    }

    /** Why: the comparison that decided, or what is missing. */
    public String reason() {
        return reason;
    }

    /** {@code winner: B} or {@code not yet significant}. */
    public String headline() {
        return winner != null ? "winner: " + winner : "not yet significant";
    }

    @Override
    public String toString() {
        return headline() + " (" + reason + ")";
    }
}

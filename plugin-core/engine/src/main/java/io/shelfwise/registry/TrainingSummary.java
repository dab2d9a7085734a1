package io.shelfwise.registry;

import java.time.Instant;

/**
 * What a finished training run reports besides its artifact: metrics, provenance, the data window, how long it took
 * and how many items the model covers. Every field is optional. Immutable; built with {@link #builder()}.
 */
public final class TrainingSummary {

    private final String metricsJson;
    private final String provenanceJson;
    private final Instant dataFrom;
    private final Instant dataTo;
    private final Double trainSeconds;
    private final Integer itemCount;

    private TrainingSummary(Builder b) {
        this.metricsJson = b.metricsJson;
        this.provenanceJson = b.provenanceJson;
        this.dataFrom = b.dataFrom;
        this.dataTo = b.dataTo;
        this.trainSeconds = b.trainSeconds;
        this.itemCount = b.itemCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A summary that says nothing (every field {@code null}). */
    public static TrainingSummary empty() {
        return builder().build();
    }

    public String metricsJson() {
        return metricsJson;
    }

    public String provenanceJson() {
        return provenanceJson;
    }

    public Instant dataFrom() {
        return dataFrom;
    }

    public Instant dataTo() {
        return dataTo;
    }

    public Double trainSeconds() {
        return trainSeconds;
    }

    public Integer itemCount() {
        return itemCount;
    }

    /** Collects a summary; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {

        private String metricsJson;
        private String provenanceJson;
        private Instant dataFrom;
        private Instant dataTo;
        private Double trainSeconds;
        private Integer itemCount;

        private Builder() {
        }

        public Builder metricsJson(String json) {
            this.metricsJson = json;
            return this;
        }

        public Builder provenanceJson(String json) {
            this.provenanceJson = json;
            return this;
        }

        /** The window of events the model was trained on, {@code [from, to)}. */
        public Builder dataWindow(Instant from, Instant to) {
            this.dataFrom = from;
            this.dataTo = to;
            return this;
        }

        public Builder trainSeconds(double seconds) {
            this.trainSeconds = seconds;
            return this;
        }

        public Builder itemCount(int count) {
            this.itemCount = count;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the data window ends before it starts, or the time or count is
         *                                  negative (or the time not a number)
         */
        public TrainingSummary build() {
            if (dataFrom != null && dataTo != null && dataTo.isBefore(dataFrom)) {
                throw new IllegalArgumentException("The data window ends before it starts: " + dataFrom + " .. " + dataTo);
            }
            if (trainSeconds != null && !(trainSeconds >= 0)) {
                throw new IllegalArgumentException("Training seconds must be 0 or more, was " + trainSeconds);
            }
            if (itemCount != null && itemCount < 0) {
                throw new IllegalArgumentException("Item count must be 0 or more, was " + itemCount);
            }
            return new TrainingSummary(this);
        }
    }
}

package io.shelfwise.price.review;

import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.price.PriceAdvisor;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PriceSuggestion;
import io.shelfwise.price.PriceTrainingSource;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.train.PriceModel;
import io.shelfwise.price.train.PriceModelTrainer;
import io.shelfwise.price.train.PriceTraining;
import io.shelfwise.price.train.StorePriceSource;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fills the admins' review list: trains a new price model on the store's catalogue and sales, asks it about
 * every product, and records a PENDING suggestion for each product worth a look - one with no price yet, or one
 * whose current price lies outside the model's 80% interval (about one product in five, if the model is right
 * about its own uncertainty) - unless that product already waits for review. Nothing is ever applied
 * here: suggestions wait for an admin's decision.
 * <p>
 * One run at a time, in the background; {@link #status()} says how the last one went.
 */
public final class PriceReviewRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PriceReviewRun.class);

    private final ModelRegistry registry;
    private final PriceSuggestions suggestions;
    private final PriceTrainingSource source;
    private final PriceModelTrainer.Settings settings;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shelfwise-price-review");
        t.setDaemon(true);
        return t;
    });
    private volatile Status status = new Status(State.IDLE, null, null, null, 0, 0, null);

    public PriceReviewRun(ModelRegistry registry, PriceSuggestions suggestions, PriceTrainingSource source,
                          PriceModelTrainer.Settings settings, Clock clock) {
        this.registry = registry;
        this.suggestions = suggestions;
        this.source = source;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A run over the store: its catalogue (as the adapter lists it) and the CHECKOUT events of the last
     * {@code windowDays}, with the default trainer settings.
     */
    public static PriceReviewRun forStore(ModelRegistry registry, PriceSuggestions suggestions,
                                          Supplier<List<ProductListing>> catalogue, JdbcEventStore events,
                                          int windowDays, Clock clock) {
        if (windowDays <= 0) {
            throw new IllegalArgumentException("The price training window must be at least one day, not "
                    + windowDays);
        }
        return new PriceReviewRun(registry, suggestions,
                new StorePriceSource(catalogue, events, clock, Duration.ofDays(windowDays)),
                PriceModelTrainer.Settings.builder().build(), clock);
    }

    /**
     * Starts a run in the background.
     *
     * @throws IllegalStateException if one is running
     */
    public synchronized void start(String requestedBy) {
        if (status.state == State.RUNNING) {
            throw new IllegalStateException("Price suggestions are being made already (started "
                    + status.startedAt + " by " + status.requestedBy + ").");
        }
        status = new Status(State.RUNNING, requestedBy, clock.instant(), null, 0, 0, "training the price model");
        worker.submit(() -> runNow(requestedBy));
    }

    /** Runs in the calling thread; returns how it went (also what {@link #status()} says afterwards). */
    public Status runNow(String requestedBy) {
        Instant started = clock.instant();
        try {
            PriceHistory history = source.load();
            ModelVersion version = new PriceTraining(registry, settings, clock).train(new PriceTrainingSource() {
                @Override
                public PriceHistory load() {
                    return history;
                }

                @Override
                public String describe() {
                    return source.describe();
                }
            });
            int recorded = 0;
            int asked = 0;
            Set<String> waiting = new HashSet<>();
            for (StoredPriceSuggestion s : suggestions.list(StoredPriceSuggestion.Status.PENDING, null,
                    10_000)) {
                waiting.add(s.productId());
            }
            try (PriceAdvisor advisor = PriceAdvisor.builder(PriceModel.load(registry.artifactPath(version)),
                    version.label()).sales(history.sales()).cacheSize(0).build()) {
                for (ProductListing listing : history.products().values()) {
                    asked++;
                    if (waiting.contains(listing.id())) {
                        continue;
                    }
                    PriceSuggestion suggestion = advisor.suggest(listing);
                    if (worthALook(suggestion)) {
                        suggestions.record(suggestion);
                        recorded++;
                    }
                }
            }
            String note = "asked " + version.label() + " about " + asked + " products, " + recorded
                    + (recorded == 1 ? " suggestion" : " suggestions") + " to review";
            LOG.info("Shelfwise: price review run: {}", note);
            status = new Status(State.DONE, requestedBy, started, clock.instant(), asked, recorded, note);
        } catch (Exception | LinkageError e) {
            LOG.warn("Shelfwise: price review run failed", e);
            status = new Status(State.FAILED, requestedBy, started, clock.instant(), 0, 0,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return status;
    }

    /** Whether a suggestion is worth an admin's time (see the class comment). */
    static boolean worthALook(PriceSuggestion s) {
        BigDecimal current = s.currentPrice();
        if (current == null || current.signum() <= 0) {
            return true;
        }
        PricePrediction p = s.prediction();
        return current.compareTo(p.lower()) < 0 || current.compareTo(p.upper()) > 0;
    }

    public Status status() {
        return status;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** How the latest run went. */
    public static final class Status {
        private final State state;
        private final String requestedBy;
        private final Instant startedAt;
        private final Instant finishedAt;
        private final int asked;
        private final int recorded;
        private final String message;

        Status(State state, String requestedBy, Instant startedAt, Instant finishedAt, int asked, int recorded,
               String message) {
            this.state = state;
            this.requestedBy = requestedBy;
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
            this.asked = asked;
            this.recorded = recorded;
            this.message = message;
        }

        public State getState() {
            return state;
        }

        public String getRequestedBy() {
            return requestedBy;
        }

        public Instant getStartedAt() {
            return startedAt;
        }

        public Instant getFinishedAt() {
            return finishedAt;
        }

        public int getAsked() {
            return asked;
        }

        public int getRecorded() {
            return recorded;
        }

        public String getMessage() {
            return message;
        }

        public boolean isRunning() {
            return state == State.RUNNING;
        }

        /** Seconds the run took, or has taken so far. */
        public Long getSeconds() {
            return startedAt == null ? null
                    : Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt).getSeconds();
        }
    }
}

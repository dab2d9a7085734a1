package io.shelfwise.recommend.serve;

import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The models being served, one active version per slot. A slot is a strategy's name ({@code default},
 * {@code trending}), which every placement whose chain names that strategy uses, or
 * {@code <placement>.<strategy>}, which overrides it for one placement. Switching is atomic and never fails a request: a new
 * version is loaded and validated before it replaces the old one (which stays if loading fails), requests that
 * hold the old model finish with it, and it is closed when the last one lets go. Thread-safe.
 */
public final class ServingModels implements AutoCloseable {

    private final Map<String, Slot> active = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /**
     * Loads {@code onnx} and makes it the active model of a slot.
     *
     * @param version a label shown in responses and tracking, e.g. "default@3"
     * @throws ModelLoadException if the artifact cannot be served; the previous model stays active
     */
    public void activate(String slot, String version, byte[] onnx) throws ModelLoadException {
        activate(slot, version, RankingModels.load(onnx));
    }

    /** Makes an already loaded model the active one of a slot; takes ownership of it. */
    public void activate(String slot, String version, RankingModel model) {
        Slot previous = active.put(slot, new Slot(model, version));
        generation.incrementAndGet();
        if (previous != null) {
            previous.release();
        }
    }

    /** Stops serving a slot; requests fall back to the next step of their chain. */
    public void deactivate(String slot) {
        Slot previous = active.remove(slot);
        generation.incrementAndGet();
        if (previous != null) {
            previous.release();
        }
    }

    /**
     * The active model of a slot, held until the lease is closed, or {@code null} when there is none.
     */
    Lease acquire(String slot) {
        while (true) {
            Slot held = active.get(slot);
            if (held == null) {
                return null;
            }
            if (held.retain()) {
                return new Lease(held);
            }
            // retired between get and retain: read the new one
        }
    }

    /** Changes whenever any slot's model changes: part of every cached result's key. */
    long generation() {
        return generation.get();
    }

    /** Slot to active version label. */
    public Map<String, String> activeVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (Map.Entry<String, Slot> e : active.entrySet()) {
            versions.put(e.getKey(), e.getValue().version);
        }
        return versions;
    }

    /** Total size of the served ONNX artifacts. */
    public long artifactBytes() {
        long total = 0;
        for (Slot slot : active.values()) {
            total += slot.model.artifactBytes();
        }
        return total;
    }

    @Override
    public void close() {
        for (String slot : active.keySet()) {
            deactivate(slot);
        }
    }

    private static final class Slot {
        final RankingModel model;
        final String version;
        /** One for being active, one per request holding it; closed at zero. */
        private final AtomicInteger references = new AtomicInteger(1);

        Slot(RankingModel model, String version) {
            this.model = model;
            this.version = version;
        }

        boolean retain() {
            while (true) {
                int current = references.get();
                if (current == 0) {
                    return false;
                }
                if (references.compareAndSet(current, current + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                model.close();
            }
        }
    }

    /** A request's hold on a model. */
    static final class Lease implements AutoCloseable {
        private final Slot slot;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        RankingModel model() {
            return slot.model;
        }

        String version() {
            return slot.version;
        }

        @Override
        public void close() {
            slot.release();
        }
    }
}

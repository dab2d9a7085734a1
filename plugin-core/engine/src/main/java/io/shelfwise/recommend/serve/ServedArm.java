package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.Placement;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one A/B arm serves on a placement: its name (carried in responses and tracking), the placement settings it
 * is served with, and the model slots that replace a strategy's usual ones ({@code strategy -> slot} in
 * {@code models}). A strategy with an override whose slot has no model (its version could not be loaded) is
 * skipped, like a failing model: the chain falls back. Immutable.
 */
public final class ServedArm {

    private final String name;
    private final String cacheKey;
    private final Placement placement;
    private final ServingModels models;
    private final Map<String, String> slots;

    /**
     * @param name      the arm's name, e.g. {@code B}
     * @param cacheKey  identifies this arm's variant among all experiments (e.g. experiment id and arm name);
     *                  results are cached per key and per generation of {@code models}
     * @param placement the placement settings to serve it with (the configured placement, or a variant of it)
     * @param models    where {@code slots} are looked up; may be {@code null} when {@code slots} is empty
     * @param slots     strategy to slot in {@code models}
     */
    public ServedArm(String name, String cacheKey, Placement placement, ServingModels models,
                     Map<String, String> slots) {
        this.name = Objects.requireNonNull(name, "name");
        this.cacheKey = Objects.requireNonNull(cacheKey, "cacheKey");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.slots = Collections.unmodifiableMap(new HashMap<>(slots));
        if (!this.slots.isEmpty() && models == null) {
            throw new IllegalArgumentException("An arm with model slots needs the ServingModels they are in");
        }
        this.models = models;
    }

    public String name() {
        return name;
    }

    String cacheKey() {
        return cacheKey;
    }

    public Placement placement() {
        return placement;
    }

    ServingModels models() {
        return models;
    }

    /** Strategy to slot; empty when the arm serves the usual models. */
    public Map<String, String> slots() {
        return slots;
    }

    @Override
    public String toString() {
        return "arm " + name + " (" + cacheKey + ") " + slots;
    }
}

package io.shelfwise.recommend.serve;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Placement;

/**
 * Chooses the A/B arm a shopper is served on a placement while an experiment runs there. The
 * {@link OnnxRecommender} asks it once per request; implementations must be fast (no I/O on the request path),
 * thread-safe and never throw for a shopper they know nothing of.
 */
public interface ArmSelector {

    /**
     * @param placement the placement as configured
     * @param shopper   who asks, or {@code null} for nobody in particular (no arm: they cannot be measured)
     * @return the arm to serve, or {@code null} to serve the placement as configured
     */
    ServedArm select(Placement placement, ShopperKey shopper);
}

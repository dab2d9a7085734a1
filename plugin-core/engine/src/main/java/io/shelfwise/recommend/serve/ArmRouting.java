package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.PlacementControl;

/** Placements whose shoppers A/B experiments can route to arms: what {@code ExperimentSync} drives. */
public interface ArmRouting extends PlacementControl {

    /** Serves the arms {@code selector} chooses from now on ({@code null}: none). */
    void selectArms(ArmSelector selector);
}

package io.shelfwise.recommend.experiment;

import io.shelfwise.events.ShopperKey;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArmAssignmentTest {

    private static final List<Arm> ARMS = Arrays.asList(Arm.builder("A", 50).build(), Arm.builder("B", 30).build(),
            Arm.builder("C", 20).build());

    @Test
    void tenThousandShoppersSplitWithinTwoPointsOfThePercents() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            ShopperKey shopper = i % 2 == 0 ? ShopperKey.customer(i) : ShopperKey.visitor("visitor-" + i + "-abc");
            counts.merge(ArmAssignment.arm(ARMS, ArmAssignment.bucket(7, shopper.toString())).name(), 1,
                    Integer::sum);
        }
        assertThat(counts.get("A") / 100.0).isBetween(48.0, 52.0);
        assertThat(counts.get("B") / 100.0).isBetween(28.0, 32.0);
        assertThat(counts.get("C") / 100.0).isBetween(18.0, 22.0);
    }

    @Test
    void bucketsAreFixedValuesEverywhereAndDifferBetweenExperiments() {
        // pinned: a different value here means shoppers would change arms across nodes or releases
        int[] pinned = {ArmAssignment.bucket(1, "c:17850"), ArmAssignment.bucket(2, "c:17850"),
                ArmAssignment.bucket(1, "v:0f1e2d3c")};
        assertThat(pinned).containsExactly(PINNED);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            String key = "c:" + i;
            if (ArmAssignment.bucket(1, key) / 50 == ArmAssignment.bucket(2, key) / 50) {
                same++;
            }
        }
        // a 50/50 split in two experiments agrees for about half the shoppers, not for all
        assertThat(same).isBetween(430, 570);
    }

    private static final int[] PINNED = {88, 9, 69};

    @Test
    void cumulativePercentsCoverTheBucketsInOrder() {
        assertThat(ArmAssignment.arm(ARMS, 0).name()).isEqualTo("A");
        assertThat(ArmAssignment.arm(ARMS, 49).name()).isEqualTo("A");
        assertThat(ArmAssignment.arm(ARMS, 50).name()).isEqualTo("B");
        assertThat(ArmAssignment.arm(ARMS, 79).name()).isEqualTo("B");
        assertThat(ArmAssignment.arm(ARMS, 80).name()).isEqualTo("C");
        assertThat(ArmAssignment.arm(ARMS, 99).name()).isEqualTo("C");
    }
}

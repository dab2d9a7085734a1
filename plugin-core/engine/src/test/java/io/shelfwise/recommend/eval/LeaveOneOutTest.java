package io.shelfwise.recommend.eval;

import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LeaveOneOutTest {

    private static final InteractionData DATA = InteractionData.of(new int[][] {{0, 1, 2, 3}, {4, 5}, {6}},
            Arrays.asList("a", "b", "c"), Arrays.asList("0", "1", "2", "3", "4", "5", "6"));

    @Test
    void testHoldsOutTheLastItemAndTrainsOnTheRest() {
        LeaveOneOut.Phase test = LeaveOneOut.test(DATA);

        assertThat(test.targets).containsExactly(3, 5, -1);
        assertThat(test.histories[0]).containsExactly(0, 1, 2);
        assertThat(test.histories[2]).isNull();
        assertThat(test.train.sequence(2)).isEmpty();
    }

    @Test
    void validationHoldsOutTheSecondToLast() {
        LeaveOneOut.Phase validation = LeaveOneOut.validation(DATA);

        assertThat(validation.targets).as("a user needs 3 items to be asked for the second-to-last")
                .containsExactly(2, -1, -1);
        assertThat(validation.train.sequence(0)).containsExactly(0, 1);
        assertThat(validation.histories[1]).isNull();
    }

    @Test
    void aSampleAsksEvenlySpreadUsersAndKeepsTheTrainingDataWhole() {
        int[][] sequences = new int[10][];
        java.util.List<String> users = new java.util.ArrayList<>();
        for (int u = 0; u < 10; u++) {
            // user 3 has too short a history to validate on
            sequences[u] = u == 3 ? new int[] {0, 1} : new int[] {0, 1, 2, u % 3};
            users.add("u" + u);
        }
        InteractionData data = InteractionData.of(sequences, users, java.util.Arrays.asList("a", "b", "c"));
        LeaveOneOut.Phase validation = LeaveOneOut.validation(data);
        LeaveOneOut.Phase sample = validation.sample(3);
        int asked = 0;
        for (int u = 0; u < 10; u++) {
            if (sample.targets[u] >= 0) {
                asked++;
                assertThat(sample.targets[u]).isEqualTo(validation.targets[u]);
                assertThat(sample.histories[u]).isEqualTo(validation.histories[u]);
            } else {
                assertThat(sample.histories[u]).isNull();
            }
        }
        assertThat(asked).isEqualTo(3);
        assertThat(sample.targets[3]).isEqualTo(-1);
        assertThat(sample.train).isSameAs(validation.train);
        assertThat(validation.sample(9)).isSameAs(validation);
    }
}

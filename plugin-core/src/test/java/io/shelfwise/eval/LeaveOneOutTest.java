package io.shelfwise.eval;

import io.shelfwise.recommend.InteractionData;
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
}

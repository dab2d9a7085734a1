package io.shelfwise.architecture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpringWiringTest {

    @Test
    void acceptsArgumentsNamedAsTheParameters() throws Exception {
        assertThat(SpringWiring.problems("io/shelfwise/architecture/wiring-good.xml")).isEmpty();
    }

    @Test
    void reportsPositionalMisspeltMissingAndRepeatedArguments() throws Exception {
        assertThat(SpringWiring.problems("io/shelfwise/architecture/wiring-bad.xml")).containsExactly(
                "io/shelfwise/architecture/wiring-bad.xml: positional: a constructor-arg without a name "
                        + "(wire by name, not by position)",
                "io/shelfwise/architecture/wiring-bad.xml: positional: parameter 'batchSize' of "
                        + "io.shelfwise.architecture.SpringWiringTest$Writer is not given",
                "io/shelfwise/architecture/wiring-bad.xml: misspelt: parameter 'capacity' of "
                        + "io.shelfwise.architecture.SpringWiringTest$Writer is not given",
                "io/shelfwise/architecture/wiring-bad.xml: misspelt: 'capacty' is not a parameter of "
                        + "io.shelfwise.architecture.SpringWiringTest$Writer",
                "io/shelfwise/architecture/wiring-bad.xml: repeated: 'capacity' is given twice",
                "io/shelfwise/architecture/wiring-bad.xml: repeated: parameter 'batchSize' of "
                        + "io.shelfwise.architecture.SpringWiringTest$Writer is not given",
                "io/shelfwise/architecture/wiring-bad.xml: noSuchFactory: io.shelfwise.architecture."
                        + "SpringWiringTest$Writer has no single method open of 1 parameters",
                "io/shelfwise/architecture/wiring-bad.xml: ${shelfwise.capture.queue.capacity:20000}: read "
                        + "shelfwise.* properties from the bean shelfwiseSettings (#{shelfwiseSettings.get('key')}), "
                        + "where they are documented and checked",
                "io/shelfwise/architecture/wiring-bad.xml: #{shelfwiseSettings.get('shelfwise.capture.batch.sise')}: "
                        + "no setting 'shelfwise.capture.batch.sise' in ShelfwiseSettings.ALL");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> SpringWiring.problems("no/such.xml")).hasMessageContaining("No no/such.xml");
    }

    /** A bean as the Spring files make them: two ints a position would confuse. */
    static final class Writer {
        Writer(int capacity, int batchSize) {
        }

        static Writer open(int capacity, int batchSize) {
            return new Writer(capacity, batchSize);
        }
    }
}

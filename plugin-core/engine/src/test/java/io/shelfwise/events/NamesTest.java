package io.shelfwise.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {

    @Test
    void upperCaseStrategiesAreNamesEverywhere() {
        assertThat(Names.isStrategy("MyModel")).isTrue();
        assertThat(Names.isVersion("MyModel@12")).isTrue();
        assertThat(Names.isPlacement("Home-Trending")).isTrue();
        assertThat(Names.isArm("B")).isTrue();
    }

    @Test
    void theLongestStrategyWithTheLongestNumberFitsAnEventsModelVersion() {
        String strategy = new String(new char[Names.MAX_STRATEGY]).replace('\0', 's');
        assertThat(Names.isStrategy(strategy)).isTrue();
        assertThat(Names.isStrategy(strategy + "s")).isFalse();
        assertThat(Names.isVersion(strategy + "@999999999")).isTrue();
        assertThat(InteractionEvent.MAX_ID_LENGTH).isGreaterThanOrEqualTo(Names.MAX_VERSION);
    }

    @Test
    void pathsSeparatorsAndMarkupAreNotNames() {
        for (String bad : new String[] {"", "..", ".hidden", "a/b", "a\\b", "a..b", "a-", "-a", "a b", "<b>", "a%2f",
                "a\u0000", "\u00e9t\u00e9"}) {
            assertThat(Names.isStrategy(bad)).as(bad).isFalse();
            assertThat(Names.isPlacement(bad)).as(bad).isFalse();
            assertThat(Names.isArm(bad)).as(bad).isFalse();
        }
        assertThat(Names.isVersion("pop")).isFalse();
        assertThat(Names.isVersion("pop@")).isFalse();
        assertThat(Names.isVersion("pop@1234567890")).isFalse();
        assertThat(Names.isVersion("@1")).isFalse();
        assertThat(Names.isVersion("pop@1@2")).isFalse();
        assertThat(Names.isVersion(null)).isFalse();
    }

    @Test
    void refusalsSayTheRuleAndShowTheValueShortAndPlain() {
        assertThatThrownBy(() -> Names.strategy("bad name\n" + new String(new char[200]).replace('\0', 'x')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters and digits")
                .hasMessageContaining("'bad name?xxx")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Names.version("pop@x")).hasMessageContaining("strategy@number");
    }
}

package io.shelfwise.storefront;

import io.shelfwise.architecture.SpringWiring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** This module's Spring files wire every Shelfwise bean by parameter name, with the names its code has. */
class SpringFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "bl-shelfwise-storefront-applicationContext.xml",
        "bl-shelfwise-storefront-servlet.xml"})
    void wireShelfwiseBeansByTheirParameterNames(String file) throws Exception {
        assertThat(SpringWiring.problems(file)).isEmpty();
    }
}

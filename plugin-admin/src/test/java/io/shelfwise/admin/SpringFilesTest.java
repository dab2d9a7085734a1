package io.shelfwise.admin;

import io.shelfwise.architecture.SpringWiring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** This module's Spring files wire every Shelfwise bean by parameter name, with the names its code has. */
class SpringFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "bl-shelfwise-admin-applicationContext.xml",
        "bl-shelfwise-admin-servlet.xml"})
    void wireShelfwiseBeansByTheirParameterNames(String file) throws Exception {
        assertThat(SpringWiring.problems(file)).isEmpty();
    }
}

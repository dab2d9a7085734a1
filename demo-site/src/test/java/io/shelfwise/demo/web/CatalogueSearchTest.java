package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueSearchTest {

    @Test
    void percentAndUnderscoreInASearchMatchThemselvesNotAnything() {
        assertThat(CatalogueSearch.containing("%")).isEqualTo("%!%%");
        assertThat(CatalogueSearch.containing("_")).isEqualTo("%!_%");
        assertThat(CatalogueSearch.containing("50%_off!")).isEqualTo("%50!%!_off!!%");
        assertThat(CatalogueSearch.containing("mug")).isEqualTo("%mug%");
    }
}

package io.shelfwise.broadleaf;

import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.StandardPlacements;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingComponentsTest {

    @Test
    void perPlacementCacheTtlsOverrideTheDefault() {
        Map<String, Duration> overrides = ServingComponents.placementSeconds(" home-trending=900 , pdp-similar=0");
        List<Placement> placements = StandardPlacements.all(Duration.ofSeconds(120), overrides);
        for (Placement p : placements) {
            Duration expected = p.name().equals("home-trending") ? Duration.ofSeconds(900)
                    : p.name().equals("pdp-similar") ? Duration.ZERO : Duration.ofSeconds(120);
            assertThat(p.cacheTtl()).as(p.name()).isEqualTo(expected);
        }
        assertThat(placements).hasSameSizeAs(StandardPlacements.all());
        assertThat(ServingComponents.placementSeconds("  ")).isEmpty();
    }

    @Test
    void badTtlSettingsNameWhatToFix() {
        assertThatThrownBy(() -> ServingComponents.placementSeconds("home-trending:900"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shelfwise.serving.cache.ttl.placements").hasMessageContaining("home-trending:900");
        assertThatThrownBy(() -> ServingComponents.placementSeconds("home-trending=-5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandardPlacements.all(Duration.ZERO,
                Collections.singletonMap("home-trendy", Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("home-trendy")
                .hasMessageContaining("home-trending");
    }
}

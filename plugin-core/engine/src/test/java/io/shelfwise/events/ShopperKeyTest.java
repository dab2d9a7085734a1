package io.shelfwise.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopperKeyTest {

    @Test
    void textFormRoundTrips() {
        assertThat(ShopperKey.parse("c:17850")).isEqualTo(ShopperKey.customer(17850));
        assertThat(ShopperKey.parse("v:ABCDEF12-3456")).isEqualTo(ShopperKey.visitor("abcdef12-3456"));
        assertThat(ShopperKey.customer(5).toString()).isEqualTo("c:5");
        assertThat(ShopperKey.customer(5).isCustomer()).isTrue();
        assertThat(ShopperKey.visitor("abcdef12").isCustomer()).isFalse();
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatThrownBy(() -> ShopperKey.parse("bob")).hasMessageContaining("c:<customer id> or v:<visitor id>");
        assertThatThrownBy(() -> ShopperKey.parse("c:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopperKey.visitor("short")).hasMessageContaining("8 to 48");
        assertThatThrownBy(() -> ShopperKey.visitor("<script>alert(1)</script>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopperKey.customer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

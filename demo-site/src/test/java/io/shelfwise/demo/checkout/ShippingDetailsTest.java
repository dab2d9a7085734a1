package io.shelfwise.demo.checkout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippingDetailsTest {

    private static ShippingDetails.Builder complete() {
        return ShippingDetails.builder().firstName("Ada").lastName("Lovelace").addressLine1("1 Main St")
                .city("London").postalCode("SW1").countryCode("GB").emailAddress("ada@example.com")
                .fulfillmentOptionId(-1);
    }

    @Test
    void trimsWhatTheShopperTyped() {
        assertThat(complete().firstName("  Ada ").build().firstName()).isEqualTo("Ada");
    }

    @Test
    void namesTheFirstMissingField() {
        assertThatThrownBy(() -> complete().city(" ").build()).hasMessage("Enter your town or city");
        assertThatThrownBy(() -> complete().fulfillmentOptionId(0).build()).hasMessage("Choose a delivery option");
    }

    @Test
    void rejectsAMalformedEmailAddress() {
        assertThatThrownBy(() -> complete().emailAddress("ada.example.com").build())
                .hasMessageContaining("is not valid");
    }

    @Test
    void rejectsAbsurdlyLongInput() {
        StringBuilder longName = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            longName.append('a');
        }
        assertThatThrownBy(() -> complete().lastName(longName.toString()).build()).hasMessageContaining("too long");
    }
}

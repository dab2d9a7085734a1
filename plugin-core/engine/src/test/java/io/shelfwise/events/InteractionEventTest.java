package io.shelfwise.events;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionEventTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ShopperKey VISITOR = ShopperKey.visitor("3f0c2a9e-1b2c-4d5e-8f90-123456789abc");
    private static final ShopperKey CUSTOMER = ShopperKey.customer(42);

    @Test
    void eachTypeNamesWhatItNeeds() {
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.PRODUCT_VIEW, VISITOR, NOW).build())
                .hasMessage("A PRODUCT_VIEW event needs an item");
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.CART_ADD, VISITOR, NOW).item("1").quantity(0).build())
                .hasMessage("A CART_ADD event needs a quantity of 1 or more");
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.CHECKOUT, CUSTOMER, NOW).item("1").quantity(2)
                .unitPrice(new BigDecimal("-1")).order("o1", null).build())
                .hasMessage("A CHECKOUT event needs a unit price of 0 or more");
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.LOGIN, CUSTOMER, NOW).linkedCustomer(CUSTOMER).build())
                .hasMessage("A LOGIN event needs a visitor as shopper");
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.SEARCH, VISITOR, NOW).query("  ", 3).build())
                .hasMessage("A SEARCH event needs a query");
    }

    @Test
    void searchQueriesAreTrimmedAndCut() {
        StringBuilder longQuery = new StringBuilder("  ");
        for (int i = 0; i < 300; i++) {
            longQuery.append('x');
        }
        InteractionEvent search = InteractionEvent.builder(EventType.SEARCH, VISITOR, NOW)
                .query(longQuery.toString(), 0).build();

        assertThat(search.query()).hasSize(200).startsWith("x");
    }

    @Test
    void overlongIdsAreRefusedAndBlankOnesAreAbsent() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            id.append('1');
        }
        assertThatThrownBy(() -> InteractionEvent.builder(EventType.PRODUCT_VIEW, VISITOR, NOW).item(id.toString()))
                .hasMessageContaining("at most 64");
        assertThat(InteractionEvent.builder(EventType.CATEGORY_VIEW, VISITOR, NOW).category("7").sessionId(" ").build()
                .sessionId()).isNull();
    }

    @Test
    void equalEventsCompareAmountsByValue() {
        InteractionEvent a = InteractionEvent.builder(EventType.CHECKOUT, CUSTOMER, NOW).item("9").quantity(1)
                .unitPrice(new BigDecimal("2.5")).order("o", new BigDecimal("2.50")).build();
        InteractionEvent b = InteractionEvent.builder(EventType.CHECKOUT, CUSTOMER, NOW).item("9").quantity(1)
                .unitPrice(new BigDecimal("2.50000")).order("o", new BigDecimal("2.5")).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}

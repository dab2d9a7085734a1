package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.shelfwise.broadleaf.Orders.line;
import static io.shelfwise.broadleaf.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OrderEventsTest {

    private static final ShopperKey SHOPPER = ShopperKey.customer(17850L);
    private static final Instant AT = Instant.parse("2011-12-09T12:50:00Z");

    @Test
    void everyProductLineIsACheckoutAtTheUnitPricePaid() {
        List<InteractionEvent> events = OrderEvents.checkoutLines(order(5L, "536365", null, "30.00",
                line(42L, 6, "2.55", "2.40"), line(43L, 2, "3.39", null)), SHOPPER, "s1", AT);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CHECKOUT);
            assertThat(e.shopper()).isEqualTo(SHOPPER);
            assertThat(e.itemId()).isEqualTo("42");
            assertThat(e.quantity()).isEqualTo(6);
            assertThat(e.unitPrice()).as("the average after item discounts").isEqualByComparingTo("2.40");
            assertThat(e.orderId()).isEqualTo("536365");
            assertThat(e.orderTotal()).isEqualByComparingTo("30.00");
            assertThat(e.sessionId()).isEqualTo("s1");
            assertThat(e.occurredAt()).isEqualTo(AT);
        });
        assertThat(events.get(1).unitPrice()).as("no average: the line's price").isEqualByComparingTo("3.39");
    }

    @Test
    void linesWithoutAProductOrQuantityAreLeftOut() {
        OrderItem giftWrap = mock(OrderItem.class); // not a product line
        DiscreteOrderItem noProduct = mock(DiscreteOrderItem.class);
        when(noProduct.getQuantity()).thenReturn(1);
        List<InteractionEvent> events = OrderEvents.checkoutLines(order(5L, "536365", null, "2.55",
                giftWrap, noProduct, line(44L, 0, "1.00", null), line(42L, 1, "2.55", null)), SHOPPER, null, AT);

        assertThat(events).extracting(InteractionEvent::itemId).containsExactly("42");
    }

    @Test
    void negativePricesAndTotalsAreRecordedAsZero() {
        List<InteractionEvent> events = OrderEvents.checkoutLines(order(5L, "536365", null, "-1.00",
                line(42L, 1, "-2.55", null)), SHOPPER, null, AT);

        assertThat(events.get(0).unitPrice()).isEqualByComparingTo("0");
        assertThat(events.get(0).orderTotal()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderWithoutANumberIsKnownByItsId() {
        assertThat(OrderEvents.checkoutLines(order(5L, null, null, null, line(42L, 1, "2.55", null)), SHOPPER,
                null, AT)).singleElement().satisfies(e -> {
                    assertThat(e.orderId()).isEqualTo("5");
                    assertThat(e.orderTotal()).isNull();
                });
        assertThat(OrderEvents.orderId(order(5L, "  ", null, null))).isEqualTo("5");
    }

    @Test
    void anOrderWithNeitherNumberNorIdIsNotRecordedAsOrderNull() {
        // regression: this used to become events of an order called "null", merging every such order into one
        assertThat(OrderEvents.orderId(order(null, null, null, null))).isNull();
        assertThat(OrderEvents.checkoutLines(order(null, null, null, "2.55", line(42L, 1, "2.55", null)), SHOPPER,
                null, AT)).isEmpty();
    }

    @Test
    void noShopperOrNoOrderMeansNoEvents() {
        assertThat(OrderEvents.checkoutLines(order(5L, "536365", null, "2.55", line(42L, 1, "2.55", null)), null,
                null, AT)).isEmpty();
        assertThat(OrderEvents.checkoutLines(null, SHOPPER, null, AT)).isEmpty();
    }
}

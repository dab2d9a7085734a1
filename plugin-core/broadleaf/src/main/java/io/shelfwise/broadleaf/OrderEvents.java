package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps a Broadleaf order to CHECKOUT events, one per product line, at the boundary of the host. */
final class OrderEvents {

    private OrderEvents() {
    }

    /**
     * The order's product lines as CHECKOUT events; none when there is no shopper to attribute them to or the order
     * has neither a number nor an id (it was never saved, so it cannot be told apart from another).
     * Lines without a product (gift wrap, fees) are left out. The unit price is what was paid per unit after
     * item-level discounts; the order total is the total charged.
     */
    @SuppressWarnings("deprecation") // OrderItem.getPrice: the fallback for lines Broadleaf 3.1 gave no average
    static List<InteractionEvent> checkoutLines(Order order, ShopperKey shopper, String sessionHash, Instant at) {
        String orderId = order == null ? null : orderId(order);
        if (orderId == null || shopper == null) {
            return Collections.emptyList();
        }
        BigDecimal total = order.getTotal() == null ? null : order.getTotal().getAmount();
        List<InteractionEvent> events = new ArrayList<>();
        for (OrderItem item : order.getOrderItems()) {
            if (!(item instanceof DiscreteOrderItem) || ((DiscreteOrderItem) item).getProduct() == null
                    || item.getQuantity() < 1) {
                continue;
            }
            BigDecimal unitPrice = item.getAveragePrice() != null ? item.getAveragePrice().getAmount()
                    : item.getPrice() == null ? BigDecimal.ZERO : item.getPrice().getAmount();
            events.add(InteractionEvent.builder(EventType.CHECKOUT, shopper, at)
                    .sessionId(sessionHash)
                    .item(((DiscreteOrderItem) item).getProduct().getId().toString())
                    .quantity(item.getQuantity())
                    .unitPrice(unitPrice.max(BigDecimal.ZERO))
                    .order(orderId, total == null ? null : total.max(BigDecimal.ZERO))
                    .build());
        }
        return events;
    }

    /** The id an order's events carry: its order number, else its database id, else {@code null}. */
    static String orderId(Order order) {
        String number = order.getOrderNumber() == null ? null : order.getOrderNumber().trim();
        if (number != null && !number.isEmpty()) {
            return number;
        }
        return order.getId() == null ? null : order.getId().toString();
    }
}

package io.shelfwise.broadleaf;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.profile.core.domain.Customer;

import java.util.Arrays;

import static io.shelfwise.broadleaf.Broadleaf.money;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Broadleaf orders and order lines for the capture hooks' tests. */
final class Orders {

    private Orders() {
    }

    @SuppressWarnings("deprecation") // OrderItem.getPrice: what the adapter falls back to
    static DiscreteOrderItem line(long productId, int quantity, String price, String averagePrice) {
        Product product = mock(Product.class);
        when(product.getId()).thenReturn(productId);
        DiscreteOrderItem line = mock(DiscreteOrderItem.class);
        when(line.getProduct()).thenReturn(product);
        when(line.getQuantity()).thenReturn(quantity);
        when(line.getPrice()).thenReturn(money(price));
        when(line.getAveragePrice()).thenReturn(money(averagePrice));
        return line;
    }

    static Order order(Long id, String number, Customer customer, String total, OrderItem... lines) {
        Order order = mock(Order.class);
        when(order.getId()).thenReturn(id);
        when(order.getOrderNumber()).thenReturn(number);
        when(order.getCustomer()).thenReturn(customer);
        when(order.getTotal()).thenReturn(money(total));
        when(order.getOrderItems()).thenReturn(Arrays.asList(lines));
        return order;
    }
}

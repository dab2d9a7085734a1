package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.order.service.workflow.CartOperationRequest;
import org.broadleafcommerce.core.workflow.BaseActivity;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;

/**
 * Records cart changes from inside Broadleaf's add, update and remove item workflows (merged into
 * {@code blAddItemWorkflow}, {@code blUpdateItemWorkflow}, {@code blRemoveItemWorkflow} after their own
 * activities, so only changes that happened are recorded). Never fails the workflow: a capture problem is logged.
 */
public class CartCaptureActivity extends BaseActivity<ProcessContext<CartOperationRequest>> {

    private static final Logger LOG = LoggerFactory.getLogger(CartCaptureActivity.class);

    private final EventCapture capture;
    private final EventType type;

    /**
     * @param type {@link EventType#CART_ADD}, {@link EventType#CART_UPDATE} or {@link EventType#CART_REMOVE}
     */
    public CartCaptureActivity(EventCapture capture, EventType type) {
        if (type != EventType.CART_ADD && type != EventType.CART_UPDATE && type != EventType.CART_REMOVE) {
            throw new IllegalArgumentException("A cart activity records CART_ADD, CART_UPDATE or CART_REMOVE, not " + type);
        }
        this.capture = capture;
        this.type = type;
    }

    @Override
    public ProcessContext<CartOperationRequest> execute(ProcessContext<CartOperationRequest> context) {
        try {
            InteractionEvent event = event(context.getSeedData());
            if (event != null) {
                capture.record(event);
            }
        } catch (RuntimeException e) {
            LOG.warn(type + " not captured: " + e.getMessage());
        }
        return context;
    }

    @SuppressWarnings("deprecation") // OrderItem.getPrice: what Broadleaf 3.1's cart workflow still fills in
    private InteractionEvent event(CartOperationRequest request) {
        Order order = request.getOrder();
        OrderItem item = request.getOrderItem(); // the line added, updated or removed (getAddedOrderItem reads it too)
        if (!(item instanceof DiscreteOrderItem) || ((DiscreteOrderItem) item).getProduct() == null || order == null) {
            return null;
        }
        HttpServletRequest http = ShopperContext.currentRequest();
        ShopperKey shopper = ShopperContext.shopper(order.getCustomer(), http);
        if (shopper == null) {
            return null;
        }
        DiscreteOrderItem line = (DiscreteOrderItem) item;
        InteractionEvent.Builder event = InteractionEvent.builder(type, shopper, capture.clock().instant())
                .sessionId(ShopperContext.sessionHash(http))
                .item(line.getProduct().getId().toString());
        if (type == EventType.CART_ADD) {
            Integer requested = request.getItemRequest() == null ? null : request.getItemRequest().getQuantity();
            event.quantity(requested != null && requested > 0 ? requested : line.getQuantity());
            if (line.getPrice() != null) {
                event.unitPrice(line.getPrice().getAmount());
            }
        } else if (type == EventType.CART_UPDATE) {
            Integer quantity = request.getItemRequest() == null ? null : request.getItemRequest().getQuantity();
            event.quantity(quantity == null ? line.getQuantity() : quantity);
        }
        return event.build();
    }
}

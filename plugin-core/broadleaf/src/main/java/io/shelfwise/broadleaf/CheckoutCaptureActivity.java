package io.shelfwise.broadleaf;

import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.capture.EventCapture;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutSeed;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.BaseActivity;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import javax.servlet.http.HttpServletRequest;

/**
 * Records a completed checkout, one event per order line with the unit price paid, from inside Broadleaf's
 * checkout workflow (merged into {@code blCheckoutWorkflow} after {@code CompleteOrderActivity}). Never fails
 * the checkout: a capture problem is logged.
 */
public class CheckoutCaptureActivity extends BaseActivity<ProcessContext<CheckoutSeed>> {

    private static final Logger LOG = LoggerFactory.getLogger(CheckoutCaptureActivity.class);

    private final EventCapture capture;

    public CheckoutCaptureActivity(EventCapture capture) {
        this.capture = capture;
    }

    @Override
    public ProcessContext<CheckoutSeed> execute(ProcessContext<CheckoutSeed> context) {
        Order order = null;
        try {
            order = context.getSeedData().getOrder();
            HttpServletRequest http = ShopperContext.currentRequest();
            List<InteractionEvent> lines = OrderEvents.checkoutLines(order,
                    ShopperContext.shopper(order.getCustomer(), http), ShopperContext.sessionHash(http),
                    capture.clock().instant());
            for (InteractionEvent line : lines) {
                capture.record(line);
            }
        } catch (RuntimeException e) {
            LOG.warn("Checkout of order " + (order == null ? null : order.getId()) + " not captured: " + e.getMessage());
        }
        return context;
    }
}

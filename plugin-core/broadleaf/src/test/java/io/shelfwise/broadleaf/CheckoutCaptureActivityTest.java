package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutSeed;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.DefaultProcessContextImpl;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import javax.servlet.http.Cookie;

import static io.shelfwise.broadleaf.Broadleaf.customer;
import static io.shelfwise.broadleaf.Orders.line;
import static io.shelfwise.broadleaf.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

class CheckoutCaptureActivityTest {

    private static final String VISITOR = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    private RecordedEvents recorded;
    private CheckoutCaptureActivity activity;

    @BeforeEach
    void setUp() {
        recorded = new RecordedEvents();
        activity = new CheckoutCaptureActivity(recorded.capture);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        RequestContextHolder.resetRequestAttributes();
        recorded.close();
    }

    private static ProcessContext<CheckoutSeed> checkout(Order order) {
        DefaultProcessContextImpl<CheckoutSeed> context = new DefaultProcessContextImpl<>();
        context.setSeedData(new CheckoutSeed(order, new HashMap<String, Object>()));
        return context;
    }

    @Test
    void aRegisteredCustomersCheckoutIsOneEventPerLineAtTheStoresTime() {
        Order order = order(5L, "536365", customer(17850L, true), "20.10", line(42L, 6, "2.55", null),
                line(43L, 1, "4.80", null));
        ProcessContext<CheckoutSeed> context = checkout(order);

        assertThat(activity.execute(context)).isSameAs(context);

        assertThat(recorded.events()).extracting(InteractionEvent::itemId).containsExactly("42", "43");
        assertThat(recorded.events()).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EventType.CHECKOUT);
            assertThat(e.shopper()).isEqualTo(ShopperKey.customer(17850L));
            assertThat(e.orderId()).isEqualTo("536365");
            assertThat(e.occurredAt()).isEqualTo(RecordedEvents.NOW);
        });
    }

    @Test
    void aGuestCheckoutIsRecordedUnderTheBrowsersVisitorId() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/checkout/complete");
        request.setCookies(new Cookie(VisitorCookie.NAME, VISITOR));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        activity.execute(checkout(order(5L, "536365", customer(99L, false), "2.55", line(42L, 1, "2.55", null))));

        assertThat(recorded.events()).singleElement()
                .satisfies(e -> assertThat(e.shopper()).isEqualTo(ShopperKey.visitor(VISITOR)));
    }

    @Test
    void aCheckoutWithoutSeedDataOrOrderNeverFailsTheWorkflow() {
        // regression: the order was read before the guard, so a workflow without seed data failed the checkout
        DefaultProcessContextImpl<CheckoutSeed> empty = new DefaultProcessContextImpl<>();
        assertThat(activity.execute(empty)).isSameAs(empty);
        assertThat(activity.execute(checkout(null))).isNotNull();
        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void aProblemReadingTheOrderNeverFailsTheCheckout() {
        Order order = order(5L, "536365", customer(17850L, true), "2.55", line(42L, 1, "2.55", null));
        when(order.getOrderItems()).thenThrow(new IllegalStateException("could not initialize proxy"));

        activity.execute(checkout(order));

        assertThat(recorded.events()).isEmpty();
    }
}

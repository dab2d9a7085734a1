package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.order.service.call.OrderItemRequestDTO;
import org.broadleafcommerce.core.order.service.workflow.CartOperationRequest;
import org.broadleafcommerce.core.workflow.DefaultProcessContextImpl;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.servlet.http.Cookie;

import static io.shelfwise.broadleaf.Broadleaf.customer;
import static io.shelfwise.broadleaf.Orders.line;
import static io.shelfwise.broadleaf.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CartCaptureActivityTest {

    private static final String VISITOR = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    private RecordedEvents recorded;
    private MockHttpServletRequest request;

    @BeforeEach
    void setUp() {
        recorded = new RecordedEvents();
        request = new MockHttpServletRequest("POST", "/cart/add");
        request.setCookies(new Cookie(VisitorCookie.NAME, VISITOR));
        request.setSession(new MockHttpSession(null, "S1"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        RequestContextHolder.resetRequestAttributes();
        recorded.close();
    }

    /** The workflow's request after its own activities: the line they added or changed. */
    private static ProcessContext<CartOperationRequest> cart(Order order, Integer requested, OrderItem added,
                                                            OrderItem changed) {
        CartOperationRequest seed = new CartOperationRequest(order,
                requested == null ? null : new OrderItemRequestDTO(42L, requested), true);
        seed.setOrderItem(added != null ? added : changed);
        DefaultProcessContextImpl<CartOperationRequest> context = new DefaultProcessContextImpl<>();
        context.setSeedData(seed);
        return context;
    }

    private static Order guestOrder() {
        return order(5L, null, customer(99L, false), null);
    }

    @Test
    void anAddIsTheRequestedQuantityAtTheLinesPriceUnderTheVisitor() {
        // the line already held 2: the event says what this add put in
        new CartCaptureActivity(recorded.capture, EventType.CART_ADD)
                .execute(cart(guestOrder(), 3, line(42L, 5, "2.55", null), null));

        assertThat(recorded.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CART_ADD);
            assertThat(e.shopper()).isEqualTo(ShopperKey.visitor(VISITOR));
            assertThat(e.itemId()).isEqualTo("42");
            assertThat(e.quantity()).isEqualTo(3);
            assertThat(e.unitPrice()).isEqualByComparingTo("2.55");
            assertThat(e.sessionId()).isEqualTo(ShopperContext.sessionHash(request));
        });
    }

    @Test
    void anAddWithoutARequestedQuantityTakesTheLines() {
        new CartCaptureActivity(recorded.capture, EventType.CART_ADD)
                .execute(cart(guestOrder(), null, line(42L, 2, "2.55", null), null));
        assertThat(recorded.events().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void anUpdateIsTheNewQuantityAndARemoveNamesTheProduct() {
        new CartCaptureActivity(recorded.capture, EventType.CART_UPDATE)
                .execute(cart(order(5L, null, customer(17850L, true), null), 4, null, line(42L, 1, "2.55", null)));
        new CartCaptureActivity(recorded.capture, EventType.CART_REMOVE)
                .execute(cart(guestOrder(), 0, null, line(43L, 1, "2.55", null)));

        assertThat(recorded.events()).hasSize(2);
        assertThat(recorded.events().get(0)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CART_UPDATE);
            assertThat(e.shopper()).isEqualTo(ShopperKey.customer(17850L));
            assertThat(e.quantity()).isEqualTo(4);
        });
        assertThat(recorded.events().get(1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.CART_REMOVE);
            assertThat(e.itemId()).isEqualTo("43");
        });
    }

    @Test
    void linesThatAreNotProductsAndShoppersWhoAskNotToBeTrackedAreNotRecorded() {
        CartCaptureActivity add = new CartCaptureActivity(recorded.capture, EventType.CART_ADD);
        add.execute(cart(guestOrder(), 1, mock(OrderItem.class), null));
        add.execute(cart(null, 1, line(42L, 1, "2.55", null), null));
        request.addHeader("DNT", "1");
        add.execute(cart(guestOrder(), 1, line(42L, 1, "2.55", null), null));

        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void aProblemInCaptureNeverFailsTheCart() {
        Order order = guestOrder();
        when(order.getCustomer()).thenThrow(new IllegalStateException("no session"));
        ProcessContext<CartOperationRequest> context = cart(order, 1, line(42L, 1, "2.55", null), null);

        assertThat(new CartCaptureActivity(recorded.capture, EventType.CART_ADD).execute(context)).isSameAs(context);
        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void onlyCartEventTypesAreAccepted() {
        assertThatThrownBy(() -> new CartCaptureActivity(recorded.capture, EventType.CHECKOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHECKOUT");
    }
}

package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.ShopperKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.broadleafcommerce.profile.web.core.security.CustomerAuthenticatedFromCookieEvent;
import org.broadleafcommerce.profile.web.core.security.CustomerLoggedInEvent;

import javax.servlet.http.Cookie;

import static io.shelfwise.broadleaf.Broadleaf.customer;
import static org.assertj.core.api.Assertions.assertThat;

class LoginCaptureListenerTest {

    private static final String VISITOR = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    private RecordedEvents recorded;
    private LoginCaptureListener listener;
    private MockHttpServletRequest request;

    @BeforeEach
    void setUp() {
        recorded = new RecordedEvents();
        listener = new LoginCaptureListener(recorded.capture);
        request = new MockHttpServletRequest("POST", "/login_post.htm");
        request.setCookies(new Cookie(VisitorCookie.NAME, VISITOR));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        RequestContextHolder.resetRequestAttributes();
        recorded.close();
    }

    @Test
    void aSignInLinksTheBrowsersVisitorIdToTheCustomer() {
        listener.onApplicationEvent(new CustomerLoggedInEvent(customer(17850L, true), "customer17850"));

        assertThat(recorded.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.LOGIN);
            assertThat(e.shopper()).isEqualTo(ShopperKey.visitor(VISITOR));
            assertThat(e.linkedCustomer()).isEqualTo(ShopperKey.customer(17850L));
        });
    }

    @Test
    void aRememberMeSignInLinksToo() {
        listener.onApplicationEvent(new CustomerAuthenticatedFromCookieEvent(customer(17850L, true), "cookie"));
        assertThat(recorded.events()).singleElement()
                .satisfies(e -> assertThat(e.linkedCustomer()).isEqualTo(ShopperKey.customer(17850L)));
    }

    @Test
    void aBrowserThatAsksNotToBeTrackedIsNotLinked() {
        // regression: the sign-in link ignored Global Privacy Control and Do Not Track
        request.addHeader("Sec-GPC", "1");
        listener.onApplicationEvent(new CustomerLoggedInEvent(customer(17850L, true), "customer17850"));
        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void nothingIsLinkedWithoutACookieARequestOrASavedCustomer() {
        listener.onApplicationEvent(new CustomerLoggedInEvent(customer(null, true), "new"));
        request.setCookies();
        listener.onApplicationEvent(new CustomerLoggedInEvent(customer(17850L, true), "customer17850"));
        RequestContextHolder.resetRequestAttributes();
        listener.onApplicationEvent(new CustomerLoggedInEvent(customer(17850L, true), "customer17850"));

        assertThat(recorded.events()).isEmpty();
    }

    @Test
    void otherApplicationEventsAreIgnored() {
        listener.onApplicationEvent(new ContextRefreshedEvent(new StaticApplicationContext()));
        assertThat(recorded.events()).isEmpty();
    }
}

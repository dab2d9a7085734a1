package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.security.CustomerAuthenticatedFromCookieEvent;
import org.broadleafcommerce.profile.web.core.security.CustomerLoggedInEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

import javax.servlet.http.HttpServletRequest;

/**
 * Links a browser's anonymous history to the customer who signs in on it. Broadleaf publishes
 * {@link CustomerLoggedInEvent} (form login, registration) and {@link CustomerAuthenticatedFromCookieEvent}
 * (remember-me) on the first request after a sign-in; this records a LOGIN event from the visitor cookie to the
 * customer, and the event store moves the visitor's events onto the customer. A browser that sends Global Privacy
 * Control or Do Not Track is not linked. Never fails the request.
 */
public class LoginCaptureListener implements ApplicationListener<ApplicationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LoginCaptureListener.class);

    private final EventCapture capture;

    public LoginCaptureListener(EventCapture capture) {
        this.capture = capture;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        Customer customer;
        if (event instanceof CustomerLoggedInEvent) {
            customer = ((CustomerLoggedInEvent) event).getCustomer();
        } else if (event instanceof CustomerAuthenticatedFromCookieEvent) {
            customer = ((CustomerAuthenticatedFromCookieEvent) event).getCustomer();
        } else {
            return;
        }
        try {
            HttpServletRequest request = ShopperContext.currentRequest();
            if (request == null || ShopperContext.doNotTrack(request)) {
                return; // no request to read a cookie from, or a browser that asked not to be tracked
            }
            String visitor = VisitorCookie.read(request);
            if (visitor == null || customer == null || customer.getId() == null) {
                return;
            }
            capture.record(InteractionEvent.builder(EventType.LOGIN, ShopperKey.visitor(visitor), capture.clock().instant())
                    .sessionId(ShopperContext.sessionHash(request))
                    .linkedCustomer(ShopperKey.customer(customer.getId()))
                    .build());
        } catch (RuntimeException e) {
            LOG.warn("Sign-in of customer " + (customer == null ? null : customer.getId()) + " not linked: " + e.getMessage());
        }
    }
}

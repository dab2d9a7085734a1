package io.shelfwise.broadleaf;

import io.shelfwise.events.ShopperKey;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Who is acting in the current request, as the plugin keys it: a registered customer by customer id, anyone else
 * by the visitor cookie. Session ids are stored only as a one-way hash (a raw session id would let whoever reads
 * the table take over the session).
 */
public final class ShopperContext {

    /** Request attribute marking a request whose browser asked not to be tracked (GPC or DNT). */
    static final String DO_NOT_TRACK = "shelfwise.doNotTrack";

    private ShopperContext() {
    }

    /**
     * True when the browser sends Global Privacy Control ({@code Sec-GPC: 1}) or Do Not Track ({@code DNT: 1}):
     * nothing of such a request is recorded and it gets no visitor cookie.
     */
    static boolean doNotTrack(HttpServletRequest request) {
        return request != null && ("1".equals(request.getHeader("Sec-GPC")) || "1".equals(request.getHeader("DNT")));
    }

    /** The request being served on this thread, or {@code null} (background work, imports). */
    static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes
                ? ((ServletRequestAttributes) attributes).getRequest() : null;
    }

    /**
     * The key to record events under, or {@code null} when there is no one to attribute them to (no registered
     * customer and no visitor cookie, e.g. a client that refuses cookies) or the browser asked not to be tracked.
     */
    public static ShopperKey shopper(Customer customer, HttpServletRequest request) {
        if (doNotTrack(request)) {
            return null;
        }
        if (customer != null && customer.getId() != null && customer.isRegistered()) {
            return ShopperKey.customer(customer.getId());
        }
        String visitor = request == null ? null : VisitorCookie.read(request);
        if (visitor != null) {
            return ShopperKey.visitor(visitor);
        }
        return null;
    }

    /**
     * True when this request is a visitor's first: their visitor cookie was issued on it, so the event store holds
     * nothing of them yet and serving need not look.
     */
    public static boolean firstVisit(HttpServletRequest request) {
        return request != null && Boolean.TRUE.equals(request.getAttribute(VisitorCookie.ISSUED_ATTRIBUTE));
    }

    /** A stable, non-reversible id of the request's session, or {@code null} without a session. */
    static String sessionHash(HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getId().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

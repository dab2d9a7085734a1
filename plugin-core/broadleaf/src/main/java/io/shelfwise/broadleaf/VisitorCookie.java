package io.shelfwise.broadleaf;

import io.shelfwise.events.ShopperKey;

import java.util.UUID;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The anonymous visitor id: a random UUID in a first-party cookie ({@code sw_vid}, one year, HttpOnly,
 * SameSite=Lax), made on the first page a browser asks for. It identifies a browser, not a person, and is linked
 * to a customer only when that browser signs in. A malformed cookie is replaced, never trusted.
 */
final class VisitorCookie {

    static final String NAME = "sw_vid";
    static final String REQUEST_ATTRIBUTE = "shelfwise.visitorId";
    /** Request attribute: the visitor id was issued on this request (a first visit: nothing is stored of it). */
    static final String ISSUED_ATTRIBUTE = "shelfwise.visitorIssued";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private VisitorCookie() {
    }

    /** The visitor id of this request, setting a new cookie on the response when the browser has none. */
    static String ensure(HttpServletRequest request, HttpServletResponse response) {
        String id = read(request);
        if (id == null) {
            id = UUID.randomUUID().toString();
            String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
            response.addHeader("Set-Cookie", NAME + "=" + id + "; Max-Age=" + ONE_YEAR + "; Path=" + path
                    + "; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
            request.setAttribute(ISSUED_ATTRIBUTE, Boolean.TRUE);
        }
        request.setAttribute(REQUEST_ATTRIBUTE, id);
        return id;
    }

    /** The visitor id of this request, or {@code null} if the browser sent none (or a malformed one). */
    static String read(HttpServletRequest request) {
        Object known = request.getAttribute(REQUEST_ATTRIBUTE);
        if (known instanceof String) {
            return (String) known;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                try {
                    ShopperKey.visitor(cookie.getValue());
                    return cookie.getValue();
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }
}

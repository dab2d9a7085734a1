package io.shelfwise.storefront.web;

import org.broadleafcommerce.common.util.BLCRequestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keeps the plugin's own URLs (the JSON endpoint, beacons, script and style under {@code /shelfwise/api/} and
 * {@code /shelfwise/static/}) from creating an HTTP session for a client that has none. Without it, Broadleaf's
 * request and customer filters store a locale, currency, time zone and anonymous customer in a new session on every
 * such request: a headless client or crawler without cookies grows the heap by a session a request (measured: a
 * million sessions filled a 2 GB heap during one load test) until the store spends its time in garbage collection.
 * <p>
 * Uses Broadleaf's own switch for this ({@link BLCRequestUtils#setOKtoUseSession}, which its REST API sets), so
 * its resolvers keep what they resolve in the request instead. A request that already has a session (a shopper
 * browsing the store) is left alone: it is served as that shopper, logged-in customer included. Map it before
 * {@code blRequestFilter}.
 */
public class SessionlessPluginRequests extends OncePerRequestFilter {

    private static final String[] PREFIXES = {"/shelfwise/api/", "/shelfwise/static/"};

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null && isPluginUrl(request)) {
            BLCRequestUtils.setOKtoUseSession(new ServletWebRequest(request, response), Boolean.FALSE);
        }
        chain.doFilter(request, response);
    }

    static boolean isPluginUrl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

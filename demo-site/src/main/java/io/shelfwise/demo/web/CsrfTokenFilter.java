package io.shelfwise.demo.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.common.security.handler.CsrfFilter;
import org.broadleafcommerce.common.util.BLCRequestUtils;
import org.springframework.web.context.request.ServletWebRequest;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Broadleaf's CSRF check on every storefront POST, answering a POST whose token is missing, stale or cannot be
 * checked with 403 and a message the shopper can act on, where Broadleaf's own filter fails the request with a
 * server error.
 * <p>
 * A token lives in the shopper's session, so a POST without a session (a client without cookies, an expired
 * session) cannot carry a valid one: it is refused before Broadleaf is asked, which would otherwise create a
 * session for it, or, where the request must stay sessionless (the plugin's {@code /shelfwise/api/} URLs), fail
 * with a NullPointerException. Refusals are logged at most once a minute per reason.
 */
public class CsrfTokenFilter extends CsrfFilter {

    static final String MESSAGE = "This form has expired or did not come from this shop. Reload the page and try again.";

    private static final Log REFUSALS = LogFactory.getLog(CsrfTokenFilter.class);

    private final LogThrottle throttle;

    public CsrfTokenFilter() {
        this(LogThrottle.perMinute());
    }

    CsrfTokenFilter(LogThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void doFilter(ServletRequest baseRequest, ServletResponse baseResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) baseRequest;
        if ("POST".equals(request.getMethod())) {
            String refusal = refusal(request);
            if (refusal != null) {
                long skipped = throttle.admit(refusal);
                if (skipped >= 0) {
                    REFUSALS.info("Refused a POST to " + RequestText.path(request) + " with 403: " + refusal
                            + LogThrottle.skippedNote(skipped));
                }
                ((HttpServletResponse) baseResponse).sendError(HttpServletResponse.SC_FORBIDDEN, MESSAGE);
                return;
            }
        }
        chain.doFilter(baseRequest, baseResponse);
    }

    /** Why the POST is refused, or {@code null} when its token matches the session's. */
    private String refusal(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return "no session, so no CSRF token to check against";
        }
        if (!BLCRequestUtils.isOKtoUseSession(new ServletWebRequest(request))) {
            return "the request may not use its session, so its CSRF token cannot be checked";
        }
        try {
            exploitProtectionService.compareToken(request.getParameter(exploitProtectionService.getCsrfTokenParameter()));
            return null;
        } catch (ServiceException e) {
            return "missing or stale CSRF token";
        }
    }
}

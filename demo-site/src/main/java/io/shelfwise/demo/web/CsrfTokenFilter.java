package io.shelfwise.demo.web;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.common.security.handler.CsrfFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Broadleaf's CSRF check on every storefront POST, answering a missing or stale token with 403 and a message
 * the shopper can act on, where Broadleaf's own filter fails the request with a server error.
 */
public class CsrfTokenFilter extends CsrfFilter {

    static final String MESSAGE = "This form has expired or did not come from this shop. Reload the page and try again.";

    @Override
    public void doFilter(ServletRequest baseRequest, ServletResponse baseResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) baseRequest;
        if ("POST".equals(request.getMethod())) {
            String token = request.getParameter(exploitProtectionService.getCsrfTokenParameter());
            try {
                exploitProtectionService.compareToken(token);
            } catch (ServiceException e) {
                ((HttpServletResponse) baseResponse).sendError(HttpServletResponse.SC_FORBIDDEN, MESSAGE);
                return;
            }
        }
        chain.doFilter(baseRequest, baseResponse);
    }
}

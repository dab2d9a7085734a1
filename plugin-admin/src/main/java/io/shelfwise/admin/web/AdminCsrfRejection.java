package io.shelfwise.admin.web;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.openadmin.web.filter.AdminCsrfFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Broadleaf's admin CSRF check, answering a POST without a valid token with 403 and a message instead of a
 * server error (Broadleaf's filter throws). Use it as the admin's {@code blCsrfFilter} bean.
 */
public class AdminCsrfRejection extends AdminCsrfFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            super.doFilter(request, response, new FilterChain() {
                @Override
                public void doFilter(ServletRequest req, ServletResponse res) throws IOException, ServletException {
                    try {
                        chain.doFilter(req, res);
                    } catch (ServletException e) {
                        throw new DownstreamFailure(e);
                    }
                }
            });
        } catch (DownstreamFailure e) {
            throw e.failure;
        } catch (ServletException e) {
            if (!(e.getCause() instanceof ServiceException)) {
                throw e;
            }
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN,
                    "This form has expired or did not come from the admin console (missing or wrong CSRF token): "
                            + "reload the page and try again.");
        }
    }

    /** Carries a failure of the rest of the chain past the token check's handler untouched. */
    private static final class DownstreamFailure extends RuntimeException {
        private final ServletException failure;

        DownstreamFailure(ServletException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}

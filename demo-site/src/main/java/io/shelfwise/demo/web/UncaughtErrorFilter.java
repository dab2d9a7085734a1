package io.shelfwise.demo.web;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The storefront's outermost filter: an exception that escapes the page (a bug: bad requests are answered with 4xx
 * where they are read) is answered with 500 through the store's error page and logged at most once a minute per
 * exception class, with its stack trace and how many alike were left out, instead of a stack trace per request
 * from the servlet container. A client that hung up before its answer was written is not an error of the store
 * (debug level only).
 * <p>
 * Errors ({@link Error}) are left to the container. Thread-safe.
 */
public final class UncaughtErrorFilter implements Filter {

    private static final Log LOG = LogFactory.getLog(UncaughtErrorFilter.class);

    private final LogThrottle throttle;

    public UncaughtErrorFilter() {
        this(LogThrottle.perMinute());
    }

    UncaughtErrorFilter(LogThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to configure
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failed((HttpServletRequest) request, (HttpServletResponse) response, e);
        }
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        if (clientAborted(e)) {
            LOG.debug("The client closed the connection before the answer to " + RequestText.path(request) + " was sent");
            return;
        }
        Throwable root = rootCause(e);
        long skipped = throttle.admit(root.getClass().getName());
        if (skipped >= 0) {
            LOG.error("Failed to answer " + request.getMethod() + " " + RequestText.path(request) + " (500): " + root
                    + LogThrottle.skippedNote(skipped), e);
        }
        if (!response.isCommitted()) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        }
    }

    private static boolean clientAborted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Override
    public void destroy() {
        // nothing held
    }
}

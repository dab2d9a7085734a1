package io.shelfwise.demo;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;

/**
 * A valve on the store's Tomcat host that answers every request with 503, {@code Retry-After} and a short "the store
 * is starting" page until {@link #open()} is called, then passes every request on.
 * <p>
 * Needed because the connector listens from the moment the admin console is up, while the storefront is still
 * starting (and, on a first start, seeding for minutes): Tomcat maps a request only to a context that has started,
 * so until then {@code /} belongs to no context and Tomcat's host valve answers 404, which tells a browser or a
 * health check the page does not exist rather than to come back. A request with no context still runs through the
 * host's pipeline (Tomcat 9's CoyoteAdapter lets it continue for the host's valves), which is where this valve sits.
 * The admin console is held back too until the storefront is up: Broadleaf keeps state in statics that both web
 * applications share, and the storefront sets them as it starts.
 * <p>
 * Thread-safe: {@link #open()} may be called from any thread; requests see it at once.
 */
final class StartupGate extends ValveBase {

    static final int RETRY_AFTER_SECONDS = 10;

    static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\">"
            + "<title>The store is starting — Shelfwise Gifts</title>"
            + "<style>body{font:16px/1.5 system-ui,sans-serif;color:#1f2933;background:#fbfaf7;"
            + "max-width:34em;margin:15vh auto;padding:0 1rem}h1{font-size:1.6rem}</style></head>\n"
            + "<body><h1>The store is starting</h1><p>Shelfwise Gifts is getting ready (on its first start it stocks"
            + " its shelves, which takes a minute or two). This page reloads by itself.</p></body></html>\n";

    private volatile boolean open;

    StartupGate() {
        super(true);
    }

    /** Lets every request through from now on. */
    void open() {
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (open) {
            getNext().invoke(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        // A body of our own: the host's error report valve leaves a response that has content alone.
        Writer out = response.getWriter();
        out.write(PAGE);
        out.flush();
    }
}

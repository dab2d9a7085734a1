package io.shelfwise.demo;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page for what no application answers (a request it refuses before any, such as an invalid
 * character in the request target) and for the admin console's errors: the status and the message the
 * application gave (a 403 names the permission it needs), never the exception, its stack trace or the server's
 * version. The storefront has error pages of its own; this is what is left.
 */
public final class StatusReport extends ErrorReportValve {

    public StatusReport() {
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        super.report(request, response, null);
    }
}

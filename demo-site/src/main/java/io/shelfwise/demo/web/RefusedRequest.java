package io.shelfwise.demo.web;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request the store will not serve as asked, with the 4xx status and the message the shopper sees on the error
 * page. Thrown while reading a request's parameters; controllers answer it with {@code sendError}.
 */
final class RefusedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    private RefusedRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RefusedRequest badRequest(String message) {
        return new RefusedRequest(HttpServletResponse.SC_BAD_REQUEST, message);
    }

    static RefusedRequest notFound(String message) {
        return new RefusedRequest(HttpServletResponse.SC_NOT_FOUND, message);
    }

    int status() {
        return status;
    }

    /** Answers the request with this refusal's status and message (the store's error page shows both). */
    void answer(HttpServletResponse response) throws IOException {
        response.sendError(status, getMessage());
    }
}

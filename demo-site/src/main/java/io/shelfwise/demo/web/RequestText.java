package io.shelfwise.demo.web;

import javax.servlet.http.HttpServletRequest;

/**
 * Request data as it may appear in the log: short, printable ASCII only, so a client cannot forge log lines or
 * fill the log through its URL.
 */
final class RequestText {

    static final int MAX_LENGTH = 120;

    private RequestText() {
    }

    /** The request's path (no query string) for a log line. */
    static String path(HttpServletRequest request) {
        return printable(request.getRequestURI());
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        int length = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > MAX_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}

package io.shelfwise.demo.web;

import io.shelfwise.demo.CapturedLog;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.NestedServletException;

import javax.servlet.FilterChain;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UncaughtErrorFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final UncaughtErrorFilter filter = new UncaughtErrorFilter(new LogThrottle(1, TimeUnit.MINUTES, now::get));

    @Test
    void escapedExceptionIsA500PageAndOneLogLineAMinutePerClassNotAStackTraceEachRequest() throws Exception {
        FilterChain failing = (request, response) -> {
            throw new NestedServletException("Request processing failed", new IllegalStateException("a bug"));
        };
        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 500; i++) {
                now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(new MockHttpServletRequest("GET", "/search"), response, failing);
                assertThat(response.getStatus()).isEqualTo(500);
            }
            assertThat(log.from("UncaughtErrorFilter")).hasSize(1);
            assertThat(log.from("UncaughtErrorFilter").get(0).message)
                    .contains("GET /search", "IllegalStateException: a bug");

            now.addAndGet(TimeUnit.MINUTES.toNanos(1));
            filter.doFilter(new MockHttpServletRequest("GET", "/search"), new MockHttpServletResponse(), failing);
            assertThat(log.from("UncaughtErrorFilter")).hasSize(2);
            assertThat(log.from("UncaughtErrorFilter").get(1).message).contains("499 more");
        }
    }

    @Test
    void clientThatHungUpIsNotLoggedAsAnError() throws Exception {
        FilterChain aborted = (request, response) -> {
            throw new ClientAbortException(new java.io.IOException("Broken pipe"));
        };
        try (CapturedLog log = CapturedLog.start()) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/"), response, aborted);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(log.from("UncaughtErrorFilter")).isEmpty();
        }
    }

    @Test
    void committedResponseIsLeftAsItIs() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (req, res) -> {
            res.getWriter().write("half a page");
            res.flushBuffer();
            throw new IllegalStateException("late");
        });
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("half a page");
    }
}

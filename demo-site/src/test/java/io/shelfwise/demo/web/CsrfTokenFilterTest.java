package io.shelfwise.demo.web;

import io.shelfwise.demo.CapturedLog;
import org.broadleafcommerce.common.security.service.ExploitProtectionServiceImpl;
import org.broadleafcommerce.common.util.BLCRequestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The storefront's CSRF filter over Broadleaf's real exploit protection service, on mock requests. */
class CsrfTokenFilterTest {

    private final AtomicLong now = new AtomicLong();
    private final CsrfTokenFilter filter = filter(new LogThrottle(1, TimeUnit.MINUTES, now::get));

    private static CsrfTokenFilter filter(LogThrottle throttle) {
        CsrfTokenFilter filter = new CsrfTokenFilter(throttle);
        ReflectionTestUtils.setField(filter, "exploitProtectionService", new ExploitProtectionServiceImpl());
        return filter;
    }

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /** A request as it reaches the filter: Broadleaf's service reads it from the request context holder. */
    private static MockHttpServletRequest post(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    @Test
    void eventsPostWithoutSessionIsForbiddenNotServerError() throws Exception {
        MockHttpServletRequest request = post("/shelfwise/api/events");
        request.setParameter("type", "click");
        // what the plugin's SessionlessPluginRequests filter does for a client without a session
        BLCRequestUtils.setOKtoUseSession(new ServletWebRequest(request), Boolean.FALSE);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getErrorMessage()).isEqualTo(CsrfTokenFilter.MESSAGE);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void postWithoutSessionIsForbiddenAndOpensNoSession() throws Exception {
        MockHttpServletRequest request = post("/cart/add");
        request.setParameter("csrfToken", "guessed");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(request.getSession(false)).isNull();
    }

    @Test
    void postWhoseSessionMayNotBeUsedIsForbiddenNotServerError() throws Exception {
        MockHttpServletRequest request = post("/shelfwise/api/events");
        request.setSession(new MockHttpSession());
        BLCRequestUtils.setOKtoUseSession(new ServletWebRequest(request), Boolean.FALSE);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void postWithAStaleTokenIsForbidden() throws Exception {
        MockHttpServletRequest request = post("/cart/add");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("csrfToken", "the-sessions-token");
        request.setSession(session);
        request.setParameter("csrfToken", "an-old-token");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
    }

    @Test
    void postWithTheSessionsTokenPasses() throws Exception {
        MockHttpServletRequest request = post("/cart/add");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("csrfToken", "the-sessions-token");
        request.setSession(session);
        request.setParameter("csrfToken", "the-sessions-token");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void getNeedsNoToken() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void floodOfSessionlessPostsLogsOneLineAMinuteNotAStackTraceEach() throws Exception {
        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 1000; i++) {
                now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(post("/shelfwise/api/events"), response, new MockFilterChain());
                assertThat(response.getStatus()).isEqualTo(403);
            }
            assertThat(log.from("CsrfTokenFilter")).hasSize(1);
            now.addAndGet(TimeUnit.MINUTES.toNanos(1));
            filter.doFilter(post("/shelfwise/api/events"), new MockHttpServletResponse(), new MockFilterChain());
            assertThat(log.from("CsrfTokenFilter")).hasSize(2);
            assertThat(log.from("CsrfTokenFilter").get(1).message).contains("999 more");
            assertThat(log.lines()).noneMatch(line -> line.stackTrace);
        }
    }
}

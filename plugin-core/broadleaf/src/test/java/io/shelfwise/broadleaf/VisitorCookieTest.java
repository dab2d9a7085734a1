package io.shelfwise.broadleaf;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorCookieTest {

    private static final String KNOWN = "3f2b8c1e-7d4a-4e5f-9a6b-0c1d2e3f4a5b";

    @Test
    void aFirstVisitGetsAOneYearHttpOnlyCookieOnTheStoresPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/hats");
        request.setContextPath("/shop");
        MockHttpServletResponse response = new MockHttpServletResponse();

        String id = VisitorCookie.ensure(request, response);

        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader("Set-Cookie")).isEqualTo("sw_vid=" + id + "; Max-Age=31536000; Path=/shop"
                + "; HttpOnly; SameSite=Lax");
        assertThat(request.getAttribute(VisitorCookie.ISSUED_ATTRIBUTE)).isEqualTo(Boolean.TRUE);
        assertThat(VisitorCookie.read(request)).as("the same request reads the id it was given").isEqualTo(id);
    }

    @Test
    void overHttpsTheCookieIsSecureAndTheRootPathIsSlash() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        VisitorCookie.ensure(request, response);

        assertThat(response.getHeader("Set-Cookie")).contains("; Path=/;").endsWith("; Secure");
    }

    @Test
    void aKnownVisitorKeepsTheirIdAndGetsNoNewCookie() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie("other", "x"), new Cookie(VisitorCookie.NAME, KNOWN));
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(VisitorCookie.ensure(request, response)).isEqualTo(KNOWN);
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(request.getAttribute(VisitorCookie.ISSUED_ATTRIBUTE)).isNull();
    }

    @Test
    void aMalformedCookieIsNotTrustedAndIsReplaced() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie(VisitorCookie.NAME, "'; DROP TABLE SW_EVENT; --"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(VisitorCookie.read(request)).isNull();
        String id = VisitorCookie.ensure(request, response);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(response.getHeader("Set-Cookie")).startsWith("sw_vid=" + id);
    }

    @Test
    void aBrowserWithoutCookiesHasNoVisitorId() {
        assertThat(VisitorCookie.read(new MockHttpServletRequest("GET", "/"))).isNull();
    }
}

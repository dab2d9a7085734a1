package io.shelfwise.demo.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import javax.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class MethodOverrideFilterTest {

    private static String methodSeen(String method, String override) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/admin/x");
        if (override != null) {
            request.setParameter(MethodOverrideFilter.PARAMETER, override);
        }
        MockFilterChain chain = new MockFilterChain();
        new MethodOverrideFilter().doFilter(request, new MockHttpServletResponse(), chain);
        return ((HttpServletRequest) chain.getRequest()).getMethod();
    }

    @Test
    void aMadeUpMethodStaysAPostInsteadOfBecomingNotImplemented() throws Exception {
        for (String made : new String[] {"\ud800", "<script>", "FOO", "GET", "TRACE", ""}) {
            assertThat(methodSeen("POST", made)).as(made).isEqualTo("POST");
        }
    }

    @Test
    void theAdminsFormsStillPutDeleteAndPatch() throws Exception {
        assertThat(methodSeen("POST", "delete")).isEqualTo("DELETE");
        assertThat(methodSeen("POST", "PUT")).isEqualTo("PUT");
        assertThat(methodSeen("POST", "PATCH")).isEqualTo("PATCH");
        assertThat(methodSeen("GET", "DELETE")).isEqualTo("GET");
        assertThat(methodSeen("POST", null)).isEqualTo("POST");
    }
}

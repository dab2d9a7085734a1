package io.shelfwise.demo.web;

import org.springframework.web.filter.OncePerRequestFilter;

import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The admin console's form method override: a POST with {@code _method=PUT}, {@code DELETE} or {@code PATCH} is
 * handled as that method, as Spring's HiddenHttpMethodFilter does for Broadleaf's admin forms. Any other value is
 * ignored and the request stays a POST: Spring 3.2's filter took any text as the method, and a made-up one was
 * answered 501 Not Implemented, a server error. Thread-safe.
 */
public final class MethodOverrideFilter extends OncePerRequestFilter {

    static final String PARAMETER = "_method";
    private static final Set<String> OVERRIDES = new HashSet<>(Arrays.asList("PUT", "DELETE", "PATCH"));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String value = "POST".equals(request.getMethod()) ? request.getParameter(PARAMETER) : null;
        final String method = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        if (method == null || !OVERRIDES.contains(method)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return method;
            }
        }, response);
    }
}

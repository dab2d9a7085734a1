package io.shelfwise.demo.web;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.regex.Pattern;

/**
 * A failed sign-in goes back to the sign-in page ({@code /login?error=true}), keeping where the shopper was headed
 * ({@code successUrl}) only when it is a plain path of this shop. Broadleaf's handler URL-decoded the parameter
 * (a stray {@code %} was a server error), also took the page to go to from the request, and put what it was given
 * into the {@code Location} header as it was (non-Latin text was dropped from the answer, a long one overflowed the
 * headers). Thread-safe.
 */
public final class LoginFailureRedirect extends SimpleUrlAuthenticationFailureHandler {

    static final String LOGIN = "/login?error=true";
    /** A path of this shop: no scheme, no host, no {@code //}, no escapes or control characters. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_.~-]{0,200}");

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        saveException(request, exception);
        getRedirectStrategy().sendRedirect(request, response, target(request.getParameter("successUrl")));
    }

    static String target(String successUrl) {
        if (successUrl == null || !LOCAL_PATH.matcher(successUrl).matches()) {
            return LOGIN;
        }
        try {
            return LOGIN + "&successUrl=" + URLEncoder.encode(successUrl, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}

package io.shelfwise.admin.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Guards every page and action of the Recommendations module: reading (GET, HEAD) needs
 * {@value #READ} or {@value #ALL}; anything else (train, activate, approve...) needs {@value #ALL}. Shopper Privacy
 * (the pages of {@link PrivacyAdminController}: a customer's history, its export with their e-mail address, erasing
 * it) needs {@value #PRIVACY} for every request, whatever else the user holds. Anyone else gets 403 with a message naming the
 * permission, whatever the store's URL rules are. CSRF tokens on state-changing requests are checked before this,
 * by Broadleaf's admin CSRF filter.
 */
public final class AdminPermissionInterceptor extends HandlerInterceptorAdapter {

    /** May open the module's pages. */
    public static final String READ = "PERMISSION_READ_SHELFWISE";
    /** May also change things. */
    public static final String ALL = "PERMISSION_ALL_SHELFWISE";
    /** May see, export and erase a shopper's data. */
    public static final String PRIVACY = "PERMISSION_PRIVACY_SHELFWISE";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (isPrivacy(handler)) {
            if (has(PRIVACY)) {
                return true;
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Shopper Privacy needs the admin permission "
                    + "'Shopper Privacy: see, export and erase shopper data' (" + PRIVACY + ").");
            return false;
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (reading ? has(READ) || has(ALL) : has(ALL)) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, reading
                ? "This page needs the admin permission 'View Recommendations' (" + READ + ")."
                : "This action needs the admin permission 'Maintain Recommendations' (" + ALL + ").");
        return false;
    }

    /** Decided by the controller that would answer, not by the URL's text, which has many spellings. */
    private static boolean isPrivacy(Object handler) {
        return handler instanceof HandlerMethod
                && PrivacyAdminController.class.isAssignableFrom(((HandlerMethod) handler).getBeanType());
    }

    /** Whether the signed-in admin user holds the permission. */
    public static boolean has(String permission) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (permission.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    /** The signed-in admin user's login, for audit columns. */
    public static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}

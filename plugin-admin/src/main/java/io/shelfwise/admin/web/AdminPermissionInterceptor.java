package io.shelfwise.admin.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Guards every page and action of the Recommendations module: reading (GET, HEAD) needs
 * {@value #READ} or {@value #ALL}; anything else (train, activate, approve, erase...) needs {@value #ALL}. Anyone
 * else gets 403 with a message naming the permission, whatever the store's URL rules are. CSRF tokens on
 * state-changing requests are checked before this, by Broadleaf's admin CSRF filter.
 */
public final class AdminPermissionInterceptor extends HandlerInterceptorAdapter {

    /** May open the module's pages. */
    public static final String READ = "PERMISSION_READ_SHELFWISE";
    /** May also change things. */
    public static final String ALL = "PERMISSION_ALL_SHELFWISE";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (reading ? has(READ) || has(ALL) : has(ALL)) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN, reading
                ? "This page needs the admin permission 'View Recommendations' (" + READ + ")."
                : "This action needs the admin permission 'Maintain Recommendations' (" + ALL + ").");
        return false;
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

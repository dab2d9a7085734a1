package io.shelfwise.admin.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminPermissionInterceptorTest {

    private final AdminPermissionInterceptor interceptor = new AdminPermissionInterceptor();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theReadOnlyAnalystCannotExportACustomersHistoryWithTheirEmail() throws Exception {
        signIn(AdminPermissionInterceptor.READ);
        MockHttpServletResponse export = handle("GET", privacy("export"));
        assertThat(export.getStatus()).isEqualTo(403);
        assertThat(export.getErrorMessage()).contains(AdminPermissionInterceptor.PRIVACY);
        assertThat(handle("GET", privacy("page")).getStatus()).isEqualTo(403);
        // the rest of the module stays open to them
        assertThat(handle("GET", models()).getStatus()).isEqualTo(200);
    }

    @Test
    void maintainingRecommendationsIsNotEnoughToEraseAShopper() throws Exception {
        signIn(AdminPermissionInterceptor.READ, AdminPermissionInterceptor.ALL);
        assertThat(handle("POST", privacy("erase")).getStatus()).isEqualTo(403);
        assertThat(handle("POST", models()).getStatus()).isEqualTo(200);
    }

    @Test
    void thePrivacyPermissionOpensExportAndErase() throws Exception {
        signIn(AdminPermissionInterceptor.PRIVACY);
        assertThat(handle("GET", privacy("export")).getStatus()).isEqualTo(200);
        assertThat(handle("POST", privacy("erase")).getStatus()).isEqualTo(200);
        assertThat(handle("POST", models()).getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse handle(String method, Object handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/admin/shelfwise/x");
        request.setContextPath("/admin");
        MockHttpServletResponse response = new MockHttpServletResponse();
        if (interceptor.preHandle(request, response, handler)) {
            response.setStatus(200);
        }
        return response;
    }

    private static HandlerMethod privacy(String method) throws NoSuchMethodException {
        for (java.lang.reflect.Method m : PrivacyAdminController.class.getMethods()) {
            if (m.getName().equals(method)) {
                return new HandlerMethod(new PrivacyAdminController(null, null), m);
            }
        }
        throw new NoSuchMethodException(method);
    }

    private static HandlerMethod models() throws NoSuchMethodException {
        return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
    }

    private static void signIn(String... permissions) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String permission : permissions) {
            authorities.add(new SimpleGrantedAuthority(permission));
        }
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("someone", "secret", authorities));
    }
}

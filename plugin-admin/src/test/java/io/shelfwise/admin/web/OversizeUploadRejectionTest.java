package io.shelfwise.admin.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import javax.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

class OversizeUploadRejectionTest {

    private final OversizeUploadRejection rejection = new OversizeUploadRejection();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String permission) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("someone", "x",
                Collections.singletonList(new SimpleGrantedAuthority(permission))));
    }

    /** A request whose body is one stream (the mock's gives a new one each time), to see what was read of it. */
    private static final class UploadRequest extends MockHttpServletRequest {
        final ByteArrayInputStream body;

        UploadRequest(String path, int bytes) {
            super("POST", path);
            body = new ByteArrayInputStream(new byte[bytes]);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new DelegatingServletInputStream(body);
        }
    }

    private static UploadRequest upload(String path, int bytes) {
        UploadRequest request = new UploadRequest(path, bytes);
        request.setContent(new byte[bytes]);
        request.setContentType("multipart/form-data; boundary=x");
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
        return request;
    }

    @Test
    void anOversizeUploadReturnsToTheModelsPageWithAMessageAfterReadingTheBody() throws Exception {
        signIn(AdminPermissionInterceptor.ALL);
        UploadRequest request = upload("/shelfwise/models/upload", 3 * 1024 * 1024);
        ModelAndView answer = rejection.resolveException(request, new MockHttpServletResponse(), null,
                new MaxUploadSizeExceededException(1024 * 1024));

        assertThat(answer.getView()).isInstanceOf(RedirectView.class);
        assertThat(((RedirectView) answer.getView()).getUrl()).isEqualTo("/shelfwise/models");
        FlashMap flash = (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
        assertThat(flash.get("shelfwiseError")).asString().startsWith("The upload is too large (3.0 MB): the admin "
                + "accepts uploads of up to 1.0 MB").contains("Nothing was uploaded or recorded");
        assertThat(request.body.available()).as("the rest of the body was read").isZero();
    }

    @Test
    void withoutTheMaintainPermissionItIsForbidden() throws Exception {
        signIn(AdminPermissionInterceptor.READ);
        UploadRequest request = upload("/shelfwise/models/upload", 10);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView answer = rejection.resolveException(request, response, null,
                new MaxUploadSizeExceededException(5));

        assertThat(answer).isNotNull();
        assertThat(answer.isEmpty()).isTrue();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getErrorMessage()).contains(AdminPermissionInterceptor.ALL);
    }

    @Test
    void otherFailuresAndOtherPagesAreLeftToTheAdminsResolvers() {
        signIn(AdminPermissionInterceptor.ALL);
        assertThat(rejection.resolveException(upload("/asset/upload", 10), new MockHttpServletResponse(), null,
                new MaxUploadSizeExceededException(5))).isNull();
        assertThat(rejection.resolveException(upload("/shelfwise/models/upload", 10), new MockHttpServletResponse(),
                null, new MultipartException("broken"))).isNull();
        assertThat(rejection.resolveException(upload("/shelfwise/models/upload", 10), new MockHttpServletResponse(),
                null, new IllegalStateException("other"))).isNull();
    }
}

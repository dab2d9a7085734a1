package io.shelfwise.admin.web;

import org.springframework.core.Ordered;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UrlPathHelper;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Answers an upload to the Recommendations module that is larger than the admin's multipart limit (the
 * {@code multipartResolver}'s {@code maxUploadSize}, Broadleaf's {@code asset.server.max.uploadable.file.size}) with
 * the Models page and a message saying so, instead of an error page: the limit is hit while the dispatcher parses
 * the request, before any controller or interceptor runs. So this checks the permission itself (403 without
 * "Maintain Recommendations", as {@link AdminPermissionInterceptor} would), and reads the unread rest of the body
 * (up to {@value #MOST_DRAINED} bytes) so that the browser, still sending, gets the answer rather than a reset
 * connection. Requests outside {@code /shelfwise/} are left to the admin's other resolvers. Stateless.
 */
public final class OversizeUploadRejection implements HandlerExceptionResolver, Ordered {

    /** Beyond this much of an oversize body the container may close the connection instead. */
    static final long MOST_DRAINED = 512L * 1024 * 1024;
    private static final String MODULE = "/shelfwise/";

    private final UrlPathHelper paths = new UrlPathHelper();

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        if (!(ex instanceof MaxUploadSizeExceededException)
                || !paths.getPathWithinApplication(request).startsWith(MODULE)) {
            return null;
        }
        drain(request);
        if (!AdminPermissionInterceptor.has(AdminPermissionInterceptor.ALL)) {
            try {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "This action needs the admin permission "
                        + "'Maintain Recommendations' (" + AdminPermissionInterceptor.ALL + ").");
            } catch (IOException e) {
                // the client has gone; there is no one to tell
            }
            return new ModelAndView();
        }
        long limit = ((MaxUploadSizeExceededException) ex).getMaxUploadSize();
        int sent = request.getContentLength();
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("shelfwiseError", "The upload is too large" + (sent > 0 ? " (" + megabytes(sent) + ")" : "")
                + ": the admin accepts uploads of up to " + megabytes(limit) + " (asset.server.max.uploadable.file"
                + ".size). Nothing was uploaded or recorded. Reduce the model (fewer products or smaller "
                + "embeddings) or raise the limit.");
        return new ModelAndView(new RedirectView(ModelsAdminController.SECTION, true));
    }

    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        try {
            InputStream body = request.getInputStream();
            int n;
            while (read < MOST_DRAINED && (n = body.read(buffer)) > 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the client stopped sending, or the body was already taken: the answer goes out all the same
        }
    }

    /** Bytes as megabytes with one decimal, as the upload check words its limit ("9.5 MB"). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

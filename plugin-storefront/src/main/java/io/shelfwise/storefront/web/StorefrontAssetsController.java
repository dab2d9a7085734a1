package io.shelfwise.storefront.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves the widget script and default style from the plugin's jar: {@code /shelfwise/static/shelfwise.js} and
 * {@code /shelfwise/static/shelfwise.css}. Nothing else can be named (no paths, no other files). Cached by browsers
 * for an hour, revalidated by the plugin version.
 */
@Controller
public class StorefrontAssetsController {

    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        TYPES.put("shelfwise.js", "application/javascript;charset=UTF-8");
        TYPES.put("shelfwise.css", "text/css;charset=UTF-8");
    }

    private final Map<String, byte[]> assets = new HashMap<>();
    private final String etag;

    public StorefrontAssetsController(String version) throws IOException {
        for (String name : TYPES.keySet()) {
            assets.put(name, read("META-INF/shelfwise/static/" + name));
        }
        this.etag = "\"shelfwise-" + version + "\"";
    }

    @RequestMapping(value = "/shelfwise/static/{name:.+}", method = RequestMethod.GET)
    public void asset(@PathVariable("name") String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] body = assets.get(name);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(TYPES.get(name));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = StorefrontAssetsController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The plugin jar lacks " + resource);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}

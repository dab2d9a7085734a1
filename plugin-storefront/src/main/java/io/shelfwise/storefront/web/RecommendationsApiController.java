package io.shelfwise.storefront.web;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.Names;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.recommend.UnknownPlacementException;
import io.shelfwise.storefront.RecommendationWidgets;
import io.shelfwise.storefront.Widget;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The storefront's JSON endpoint and tracking beacons:
 * <ul>
 * <li>{@code GET /shelfwise/api/recommendations?placement=P[&limit=N][&product=ID][&category=ID][&items=ID,ID]
 * [&exclude=ID,ID]}:
 * a widget as JSON, for the lazy-loading script and headless storefronts. 400 for malformed parameters, 404 for
 * an unknown placement, each with {@code {"status", "error"}} saying what to change.</li>
 * <li>{@code POST /shelfwise/api/events} (form-encoded, with the store's CSRF token): {@code type=impression} with
 * {@code placement}, {@code items} and {@code versions} (aligned, comma-separated), or {@code type=click} with
 * {@code placement}, {@code item}, {@code version}, optional {@code position}; recorded into the capture pipeline
 * tagged with placement, model version and A/B arm. 204, or 400 with what is wrong.</li>
 * </ul>
 * Responses are never cached by shared caches: they depend on who asks.
 */
@Controller
public class RecommendationsApiController {

    static final Pattern ID = Pattern.compile("[0-9]{1,18}");
    static final int MAX_EXCLUDE = 100;

    private final RecommendationWidgets widgets;
    private final EventCapture capture;

    public RecommendationsApiController(RecommendationWidgets widgets, EventCapture capture) {
        this.widgets = widgets;
        this.capture = capture;
    }

    @RequestMapping(value = "/shelfwise/api/recommendations", method = RequestMethod.GET)
    public void recommendations(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String placement = name(request, "placement", true, Names::placement);
            int limit = limit(request.getParameter("limit"));
            String product = optional(request, "product", ID, "a product id (digits)");
            String category = optional(request, "category", ID, "a category id (digits)");
            Set<String> exclude = ids(request.getParameter("exclude"), "exclude", MAX_EXCLUDE);
            Set<String> items = ids(request.getParameter("items"), "items", MAX_EXCLUDE);
            Widget widget;
            try {
                widget = widgets.widget(request, placement, limit, product, category,
                        items.isEmpty() ? null : new ArrayList<>(items), null, exclude);
            } catch (UnknownPlacementException e) {
                write(response, HttpServletResponse.SC_NOT_FOUND, WidgetJson.error(404, e.getMessage()));
                return;
            }
            write(response, HttpServletResponse.SC_OK, WidgetJson.write(widget));
        } catch (BadRequest e) {
            write(response, HttpServletResponse.SC_BAD_REQUEST, WidgetJson.error(400, e.getMessage()));
        }
    }

    @RequestMapping(value = "/shelfwise/api/events", method = RequestMethod.POST)
    public void events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String type = request.getParameter("type");
            String placement = name(request, "placement", true, Names::placement);
            String arm = name(request, "arm", false, Names::arm);
            List<InteractionEvent> events = new ArrayList<>();
            ShopperKey shopper = widgets.shopper(request);
            Instant now = capture.clock().instant();
            if ("impression".equals(type)) {
                List<String> items = new ArrayList<>(ids(request.getParameter("items"), "items", 50));
                List<String> versions = list(request.getParameter("versions"));
                if (items.isEmpty() || versions.size() != items.size()) {
                    throw new BadRequest("An impression needs items=ID,ID,... and versions=strategy@n,... of the "
                            + "same length");
                }
                for (int i = 0; i < items.size(); i++) {
                    String version = name("versions", versions.get(i), Names::version);
                    if (shopper != null) {
                        events.add(InteractionEvent.builder(EventType.WIDGET_IMPRESSION, shopper, now)
                                .placement(placement).item(items.get(i)).model(version, arm).build());
                    }
                }
            } else if ("click".equals(type)) {
                String item = required(request, "item", ID, "the clicked product's id");
                String version = name(request, "version", true, Names::version);
                if (shopper != null) {
                    events.add(InteractionEvent.builder(EventType.WIDGET_CLICK, shopper, now).placement(placement)
                            .item(item).model(version, arm).build());
                }
            } else {
                throw new BadRequest("type must be impression or click, was " + quote(type));
            }
            for (InteractionEvent event : events) {
                capture.record(event);
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (BadRequest e) {
            write(response, HttpServletResponse.SC_BAD_REQUEST, WidgetJson.error(400, e.getMessage()));
        } catch (IllegalArgumentException e) {
            // an event the parameters passed but the event model refuses: still the client's request
            write(response, HttpServletResponse.SC_BAD_REQUEST, WidgetJson.error(400, e.getMessage()));
        }
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= RecommendationWidgets.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("limit must be a whole number from 1 to " + RecommendationWidgets.MAX_LIMIT + ", was "
                + quote(value));
    }

    /** A name parameter checked by the one rule of {@link Names}; {@code null} when optional and absent. */
    private static String name(HttpServletRequest request, String parameter, boolean required,
                               UnaryOperator<String> rule) {
        String value = request.getParameter(parameter);
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new BadRequest(parameter + " is required");
            }
            return null;
        }
        return name(parameter, value, rule);
    }

    private static String name(String parameter, String value, UnaryOperator<String> rule) {
        try {
            return rule.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(parameter + ": " + e.getMessage());
        }
    }

    private static String required(HttpServletRequest request, String name, Pattern pattern, String what) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            throw new BadRequest(name + " is required: " + what);
        }
        return check(value, pattern, name, what);
    }

    private static String optional(HttpServletRequest request, String name, Pattern pattern, String what) {
        String value = request.getParameter(name);
        return value == null || value.isEmpty() ? null : check(value, pattern, name, what);
    }

    private static String check(String value, Pattern pattern, String name, String what) {
        if (!pattern.matcher(value).matches()) {
            throw new BadRequest(name + " must be " + what + ", was " + quote(value));
        }
        return value;
    }

    static Set<String> ids(String value, String name, int max) {
        List<String> values = list(value);
        if (values.size() > max) {
            throw new BadRequest(name + " takes at most " + max + " ids, was given " + values.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : values) {
            ids.add(check(id, ID, name, "product ids (digits), comma-separated"));
        }
        return ids;
    }

    private static List<String> list(String value) {
        if (value == null || value.trim().isEmpty()) {
            return Collections.emptyList();
        }
        return Arrays.asList(value.split(",", -1));
    }

    /** The value as a short, quoted string for an error message (never echoed as markup: JSON escapes it). */
    private static String quote(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }

    static void write(HttpServletResponse response, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A malformed request: the message says what to change. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}

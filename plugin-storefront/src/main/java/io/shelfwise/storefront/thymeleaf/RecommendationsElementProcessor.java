package io.shelfwise.storefront.thymeleaf;

import io.shelfwise.storefront.RecommendationWidgets;
import java.util.function.Supplier;
import io.shelfwise.storefront.Widget;
import org.thymeleaf.Arguments;
import org.thymeleaf.Configuration;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dom.Element;
import org.thymeleaf.dom.NestableNode;
import org.thymeleaf.processor.ProcessorResult;
import org.thymeleaf.processor.element.AbstractElementProcessor;
import org.thymeleaf.standard.expression.StandardExpressions;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <shelfwise:recommendations placement="pdp-also-bought" limit="8" product="${product.id}"/>}: fills the
 * placement's widget for this request and renders it with a fragment template, by default
 * {@code shelfwise/recommendations :: strip}, which a store overrides by putting its own
 * {@code shelfwise/recommendations.html} among its templates (or names another with {@code template="..."}).
 * <p>
 * Attributes: {@code placement} (required), {@code limit}, {@code product}, {@code category} and {@code items}
 * (what the widget is about instead of the basket, e.g. an order's products; Thymeleaf expressions or plain ids), {@code title} (the heading), {@code template} (a fragment spec), {@code lazy="true"}
 * (render a placeholder the script fills from the JSON endpoint once it scrolls into view, so a slow model never
 * delays the page). An empty or failing widget renders as nothing.
 */
final class RecommendationsElementProcessor extends AbstractElementProcessor {

    static final String DEFAULT_TEMPLATE = "shelfwise/recommendations :: strip";
    static final String LAZY_TEMPLATE = "shelfwise/recommendations :: lazy";
    static final String WIDGET_VARIABLE = "widget";

    private final Supplier<RecommendationWidgets> widgets;
    private final boolean enabled;

    RecommendationsElementProcessor(Supplier<RecommendationWidgets> widgets, boolean enabled) {
        super("recommendations");
        this.widgets = widgets;
        this.enabled = enabled;
    }

    @Override
    public int getPrecedence() {
        return 1000;
    }

    @Override
    protected ProcessorResult processElement(Arguments arguments, Element element) {
        NestableNode parent = element.getParent();
        String placement = text(arguments, element, "placement");
        if (enabled && placement != null && arguments.getContext() instanceof IWebContext) {
            HttpServletRequest request = ((IWebContext) arguments.getContext()).getHttpServletRequest();
            int limit = limit(text(arguments, element, "limit"));
            String product = text(arguments, element, "product");
            String category = text(arguments, element, "category");
            String title = text(arguments, element, "title");
            List<String> items = list(text(arguments, element, "items"));
            Object model;
            String template;
            if ("true".equalsIgnoreCase(element.getAttributeValue("lazy"))) {
                model = new LazyWidget(placement, limit, product, category, title);
                template = LAZY_TEMPLATE;
            } else {
                Widget widget = widgets.get().widgetOrEmpty(request, placement, limit, product, category, items,
                        title);
                model = widget.isEmpty() ? null : widget;
                String custom = element.getAttributeValue("template");
                template = custom == null || custom.trim().isEmpty() ? DEFAULT_TEMPLATE : custom;
            }
            if (model != null) {
                // the host is replaced by the fragment; its local variable is what the fragment reads
                Element host = new Element("div");
                host.setAttribute("class", "shelfwise-host");
                host.setAttribute("th:replace", template);
                host.setNodeLocalVariable(WIDGET_VARIABLE, model);
                parent.insertBefore(element, host);
            }
        }
        parent.removeChild(element);
        return ProcessorResult.OK;
    }

    /** An attribute's value: evaluated when it is a Thymeleaf expression, else as written; null when absent. */
    private static String text(Arguments arguments, Element element, String name) {
        String raw = element.getAttributeValue(name);
        if (raw == null || raw.trim().isEmpty()) {
            return null;
        }
        String value = raw.trim();
        if (value.startsWith("${") || value.startsWith("*{") || value.startsWith("#{") || value.startsWith("@{")) {
            Configuration configuration = arguments.getConfiguration();
            Object result = StandardExpressions.getExpressionParser(configuration)
                    .parseExpression(configuration, arguments, value).execute(configuration, arguments);
            return result == null ? null : String.valueOf(result);
        }
        return value;
    }

    /** A comma-separated (or [a, b] rendered) list of ids, or {@code null} when absent. */
    static List<String> list(String value) {
        if (value == null) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        for (String part : value.replace("[", "").replace("]", "").split(",")) {
            if (!part.trim().isEmpty()) {
                ids.add(part.trim());
            }
        }
        return ids;
    }

    static int limit(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.trim()), RecommendationWidgets.MAX_LIMIT));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

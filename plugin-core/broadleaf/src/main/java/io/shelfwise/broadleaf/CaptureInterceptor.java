package io.shelfwise.broadleaf;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.web.catalog.CategoryHandlerMapping;
import org.broadleafcommerce.core.web.catalog.ProductHandlerMapping;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;
import org.springframework.web.servlet.view.RedirectView;

import java.util.Collection;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The storefront's web-layer hook: gives every browser a visitor cookie, and records product views, category
 * views and searches as their pages are rendered (Broadleaf has no extension point for "a shopper looked at
 * this"). Only successful GET pages count; redirects and error pages do not. Browsers that send Global Privacy
 * Control or Do Not Track get no cookie and nothing is recorded. Never fails a request: a problem in capture is
 * logged and the page is served as usual.
 */
public class CaptureInterceptor extends HandlerInterceptorAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureInterceptor.class);

    private final EventCapture capture;

    public CaptureInterceptor(EventCapture capture) {
        this.capture = capture;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        try {
            if (!ShopperContext.doNotTrack(request)) {
                VisitorCookie.ensure(request, response);
            }
        } catch (RuntimeException e) {
            LOG.debug("Visitor cookie not set: " + e);
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView model) {
        if (!"GET".equals(request.getMethod()) || model == null || model.getView() instanceof RedirectView
                || (model.getViewName() != null && model.getViewName().startsWith("redirect:"))
                || response.getStatus() >= 300) {
            return;
        }
        try {
            InteractionEvent event = pageEvent(request, model);
            if (event != null) {
                capture.record(event);
            }
        } catch (RuntimeException e) {
            LOG.warn("Page view not captured for " + request.getRequestURI() + ": " + e.getMessage());
        }
    }

    private InteractionEvent pageEvent(HttpServletRequest request, ModelAndView model) {
        Object product = request.getAttribute(ProductHandlerMapping.CURRENT_PRODUCT_ATTRIBUTE_NAME);
        Object category = request.getAttribute(CategoryHandlerMapping.CURRENT_CATEGORY_ATTRIBUTE_NAME);
        Object query = model.getModel().get("originalQuery");
        EventType type;
        if (product instanceof Product) {
            type = EventType.PRODUCT_VIEW;
        } else if (category instanceof Category) {
            type = EventType.CATEGORY_VIEW;
        } else if (query instanceof String) {
            type = EventType.SEARCH;
        } else {
            return null;
        }
        ShopperKey shopper = ShopperContext.shopper(CustomerState.getCustomer(request), request);
        if (shopper == null) {
            return null;
        }
        InteractionEvent.Builder event = InteractionEvent.builder(type, shopper, capture.clock().instant())
                .sessionId(ShopperContext.sessionHash(request));
        switch (type) {
            case PRODUCT_VIEW:
                Product viewed = (Product) product;
                event.item(viewed.getId().toString());
                if (viewed.getDefaultCategory() != null) {
                    event.category(viewed.getDefaultCategory().getId().toString());
                }
                break;
            case CATEGORY_VIEW:
                event.category(((Category) category).getId().toString());
                break;
            default:
                Object products = model.getModel().get("products");
                event.query((String) query, products instanceof Collection ? ((Collection<?>) products).size() : 0);
        }
        return event.build();
    }
}

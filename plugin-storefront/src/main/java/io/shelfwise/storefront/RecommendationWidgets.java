package io.shelfwise.storefront;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.broadleaf.ShopperContext;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.Recommender;
import io.shelfwise.recommend.UnknownPlacementException;
import org.broadleafcommerce.common.security.service.ExploitProtectionService;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fills recommendation widgets for the request being served: who the shopper is (customer or visitor cookie; no
 * one when the browser asks not to be tracked), what is in their cart, which product the page shows, and what
 * other widgets on the page already show (never repeated). Failures never reach the page: an unknown placement
 * or a failing recommender gives an empty widget and a log line. Thread-safe.
 */
public final class RecommendationWidgets {

    private static final Logger LOG = LoggerFactory.getLogger(RecommendationWidgets.class);
    /** Request attribute: ids already shown by widgets of this page. */
    static final String SHOWN = RecommendationWidgets.class.getName() + ".shown";
    /** Most items one widget shows, whatever the template or caller asks. */
    public static final int MAX_LIMIT = 24;

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("home-for-you", "Recommended for you");
        TITLES.put("home-trending", "Trending now");
        TITLES.put("pdp-also-bought", "Customers also bought");
        TITLES.put("pdp-similar", "Similar items");
        TITLES.put("pdp-bought-together", "Frequently bought together");
        TITLES.put("cart-complete", "Complete your purchase");
        TITLES.put("confirmation", "You might also like");
        TITLES.put("search-empty", "Popular right now");
    }

    private final Recommender recommender;
    private final Catalogue catalogue;
    private final ExploitProtectionService exploitProtection;
    private final String addToCartUrl;
    private final Function<HttpServletRequest, ShopperKey> shoppers;
    private final Supplier<List<String>> basket;

    /**
     * Widgets for a Broadleaf storefront: the shopper from Broadleaf's customer state and the visitor cookie, the
     * basket from Broadleaf's cart state.
     *
     * @param exploitProtection Broadleaf's CSRF tokens for the add-to-basket forms and beacons; may be {@code null}
     * @param addToCartUrl      where the store's add-to-basket form posts ({@code /cart/add} in Broadleaf's demo)
     */
    public RecommendationWidgets(Recommender recommender, Catalogue catalogue,
                                 ExploitProtectionService exploitProtection, String addToCartUrl) {
        this(recommender, catalogue, exploitProtection, addToCartUrl, RecommendationWidgets::broadleafShopper,
                RecommendationWidgets::broadleafBasket);
    }

    /**
     * As the other constructor, with who is asking and what is in their basket given by the caller (a store that
     * keys shoppers its own way; tests).
     */
    public RecommendationWidgets(Recommender recommender, Catalogue catalogue,
                                 ExploitProtectionService exploitProtection, String addToCartUrl,
                                 Function<HttpServletRequest, ShopperKey> shoppers, Supplier<List<String>> basket) {
        this.recommender = recommender;
        this.catalogue = catalogue;
        this.exploitProtection = exploitProtection;
        this.addToCartUrl = addToCartUrl;
        this.shoppers = shoppers;
        this.basket = basket;
    }

    /** The heading a placement's widget gets unless the template gives one. */
    public static String defaultTitle(String placement) {
        String title = TITLES.get(placement);
        return title == null ? "Recommended" : title;
    }

    /**
     * @param limit     items wanted, 0 for the placement's default; capped at {@link #MAX_LIMIT}
     * @param productId the product on the page, or {@code null}
     * @param category  keep to this category, or {@code null}
     * @param items     the items the widget is about (an order just placed), or {@code null} for the basket's
     * @param exclude   ids the caller already shows, besides what this page's widgets showed
     * @throws UnknownPlacementException if the placement is not configured (the JSON endpoint's 404)
     */
    public Widget widget(HttpServletRequest request, String placement, int limit, String productId, String category,
                         List<String> items, String title, Set<String> exclude) {
        String heading = title == null || title.trim().isEmpty() ? defaultTitle(placement) : title;
        Set<String> shown = shown(request);
        RecommendationRequest.Builder ask = RecommendationRequest.builder(placement)
                .shopper(shopper(request))
                .firstVisit(ShopperContext.firstVisit(request))
                .currentItem(productId)
                .cartItems(items != null ? items : basket.get())
                .category(category)
                .count(Math.max(0, Math.min(limit, MAX_LIMIT)));
        Set<String> already = new LinkedHashSet<>(shown);
        already.addAll(exclude);
        ask.alreadyShown(already);
        RecommendationResponse response = recommender.recommend(ask.build());
        List<WidgetItem> shownItems = new ArrayList<>();
        NumberFormat money = moneyFormat();
        for (Recommendation r : response.items()) {
            CatalogueItem item = lookUp(r.itemId());
            if (item == null || item.url() == null) {
                continue;
            }
            shownItems.add(new WidgetItem(item.id(), item.name(), item.url(), item.imageUrl(), item.price(),
                    item.price() == null ? "" : money.format(item.price()), r.reason(), r.strategy(),
                    r.modelVersion(), shownItems.size() + 1));
            shown.add(item.id());
        }
        if (shownItems.isEmpty()) {
            return Widget.empty(placement, heading, addToCartUrl);
        }
        return new Widget(placement, heading, shownItems, response.arm(), response.fallback(), csrfToken(request),
                addToCartUrl,
                "shelfwise-" + placement + "-" + shown.size(), productId);
    }

    /** As {@link #widget}, but never throws: what a page's widget uses. */
    public Widget widgetOrEmpty(HttpServletRequest request, String placement, int limit, String productId,
                                String category, List<String> items, String title) {
        try {
            return widget(request, placement, limit, productId, category, items, title,
                    Collections.<String>emptySet());
        } catch (UnknownPlacementException e) {
            LOG.warn("Shelfwise: a page asks for placement '" + placement + "', which is not configured; the widget "
                    + "stays empty. " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: recommendations for " + placement + " failed; the widget stays empty: " + e, e);
        }
        String heading = title == null || title.trim().isEmpty() ? defaultTitle(placement) : title;
        return Widget.empty(placement, heading, addToCartUrl);
    }

    private CatalogueItem lookUp(String id) {
        try {
            return catalogue.item(id);
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: the catalogue failed to look up " + id + ": " + e.getMessage());
            return null;
        }
    }

    /** Who a request is for, as the plugin keys shoppers; {@code null} for no one (or do-not-track). */
    public ShopperKey shopper(HttpServletRequest request) {
        return shoppers.apply(request);
    }

    private static ShopperKey broadleafShopper(HttpServletRequest request) {
        return ShopperContext.shopper(CustomerState.getCustomer(request), request);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> shown(HttpServletRequest request) {
        Object value = request.getAttribute(SHOWN);
        if (value instanceof Set) {
            return (Set<String>) value;
        }
        Set<String> shown = new LinkedHashSet<>();
        request.setAttribute(SHOWN, shown);
        return shown;
    }

    private static List<String> broadleafBasket() {
        Order cart = CartState.getCart();
        if (cart == null || cart instanceof NullOrderImpl || cart.getOrderItems() == null) {
            return Collections.emptyList();
        }
        List<String> ids = new ArrayList<>();
        for (OrderItem item : cart.getOrderItems()) {
            if (item instanceof DiscreteOrderItem && ((DiscreteOrderItem) item).getProduct() != null) {
                ids.add(String.valueOf(((DiscreteOrderItem) item).getProduct().getId()));
            }
        }
        return ids;
    }

    /**
     * The session's CSRF token, or {@code null} without a session: a first, cookieless request (a headless client,
     * a crawler) must not cost a new session and a token nobody will post back. The script then takes the token of
     * a form on the page.
     */
    private String csrfToken(HttpServletRequest request) {
        if (exploitProtection == null || request.getSession(false) == null) {
            return null;
        }
        try {
            return exploitProtection.getCSRFToken();
        } catch (Exception e) {
            return null;
        }
    }

    /** Prices in the request's locale and currency (Broadleaf's request context), else the JVM's. */
    static NumberFormat moneyFormat() {
        Locale locale = null;
        java.util.Currency currency = null;
        try {
            BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
            if (context != null) {
                locale = context.getJavaLocale();
                currency = context.getJavaCurrency();
            }
        } catch (RuntimeException e) {
            // a store whose locale has no country has no currency to go with it: the JVM's format it is
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale == null ? Locale.getDefault() : locale);
        if (currency != null) {
            format.setCurrency(currency);
        }
        return format;
    }

    /** For a price shown without a widget (the bought-together total). */
    public static String formatMoney(BigDecimal amount) {
        return amount == null ? "" : moneyFormat().format(amount);
    }
}

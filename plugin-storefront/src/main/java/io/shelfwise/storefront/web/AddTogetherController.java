package io.shelfwise.storefront.web;

import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.call.OrderItemRequestDTO;
import org.broadleafcommerce.core.order.service.exception.AddToCartException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * "Frequently bought together: add all to basket". {@code POST /shelfwise/cart/add-together} with
 * {@code productIds=ID,ID,...} (and the store's CSRF token) adds one of each through Broadleaf's order service
 * (so the store's add-item workflow, pricing and capture run as for any add) and returns to the basket. Malformed
 * ids get 400; a product that cannot be added (inactive, unknown) is skipped and the rest are added.
 */
@Controller
public class AddTogetherController {

    private static final Logger LOG = LoggerFactory.getLogger(AddTogetherController.class);
    static final int MAX_ITEMS = 6;

    private final OrderService orders;
    private final Catalogue catalogue;
    private final String cartUrl;

    /** @param catalogue asked first whether each product is on sale, so an unknown id never reaches the workflow */
    public AddTogetherController(OrderService orders, Catalogue catalogue, String cartUrl) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.cartUrl = cartUrl;
    }

    @RequestMapping(value = "/shelfwise/cart/add-together", method = RequestMethod.POST)
    public void addTogether(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> ids;
        try {
            ids = RecommendationsApiController.ids(request.getParameter("productIds"), "productIds", MAX_ITEMS);
        } catch (RecommendationsApiController.BadRequest e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (ids.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "productIds is required: product ids to add");
            return;
        }
        // Broadleaf's add-item workflow refuses an unknown product only after logging an error with a stack trace
        ids.removeIf(id -> !onSale(id));
        if (ids.isEmpty()) {
            response.sendRedirect(request.getContextPath() + cartUrl);
            return;
        }
        Order cart = CartState.getCart();
        if (cart == null || cart instanceof NullOrderImpl) {
            cart = orders.createNewCartForCustomer(CustomerState.getCustomer(request));
        }
        int added = 0;
        for (String id : ids) {
            try {
                cart = orders.addItem(cart.getId(), new OrderItemRequestDTO(Long.valueOf(id), 1), false);
                added++;
            } catch (AddToCartException | RuntimeException e) {
                LOG.info("Shelfwise: product " + id + " could not be added with the others: " + e.getMessage());
            }
        }
        if (added > 0) {
            try {
                cart = orders.save(cart, true);
            } catch (PricingException e) {
                throw new IllegalStateException("The basket could not be priced after adding " + ids, e);
            }
        }
        CartState.setCart(cart);
        response.sendRedirect(request.getContextPath() + cartUrl);
    }

    private boolean onSale(String id) {
        try {
            CatalogueItem item = catalogue.item(id);
            return item != null && item.active();
        } catch (RuntimeException e) {
            return false;
        }
    }
}

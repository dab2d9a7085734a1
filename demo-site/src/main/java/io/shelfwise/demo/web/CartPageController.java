package io.shelfwise.demo.web;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.order.service.exception.AddToCartException;
import org.broadleafcommerce.core.order.service.exception.RemoveFromCartException;
import org.broadleafcommerce.core.order.service.exception.UpdateCartException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.cart.BroadleafCartController;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.core.web.order.model.AddToCartItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The basket: view, add, change quantity, remove, through Broadleaf's cart controller and workflows.
 * A request the cart cannot honour (an unknown product, a quantity out of range, a line that is not in this
 * shopper's basket) is answered with a message on the basket page, never a server error.
 */
@Controller
@RequestMapping("/cart")
public class CartPageController extends BroadleafCartController {

    static final int MAX_QUANTITY = 999;
    static final String NOT_SOLD = "That product cannot be added to your basket";
    static final String NOT_IN_BASKET = "That line is not in your basket";
    static final String NOT_UNDERSTOOD = "That request was not understood: the product, line or quantity is not valid";

    @RequestMapping(value = "", method = RequestMethod.GET)
    public String cart(HttpServletRequest request, HttpServletResponse response, Model model) throws PricingException {
        return super.cart(request, response, model);
    }

    @RequestMapping(value = "/add", method = RequestMethod.POST)
    public String add(HttpServletRequest request, HttpServletResponse response, Model model,
                      @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding,
                      RedirectAttributes flash)
            throws IOException, PricingException {
        String problem = binding.hasErrors() ? NOT_UNDERSTOOD : validate(item, false);
        if (problem == null && !onSale(item.getProductId())) {
            problem = NOT_SOLD;
        }
        if (problem != null) {
            return rejected(flash, problem);
        }
        try {
            super.add(request, response, model, item);
            flash.addFlashAttribute("cartMessage", "Added to your basket");
            return getCartPageRedirect();
        } catch (AddToCartException e) {
            return rejected(flash, NOT_SOLD);
        }
    }

    @RequestMapping(value = "/updateQuantity", method = RequestMethod.POST)
    public String updateQuantity(HttpServletRequest request, HttpServletResponse response, Model model,
                                 @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding,
                      RedirectAttributes flash)
            throws IOException, PricingException {
        String problem = binding.hasErrors() ? NOT_UNDERSTOOD : validate(item, true);
        if (problem == null && !inBasket(item.getOrderItemId())) {
            problem = NOT_IN_BASKET;
        }
        if (problem != null) {
            return rejected(flash, problem);
        }
        try {
            if (item.getQuantity() == 0) {
                super.remove(request, response, model, item);
            } else {
                super.updateQuantity(request, response, model, item);
            }
            return getCartPageRedirect();
        } catch (UpdateCartException | RemoveFromCartException | IllegalArgumentException e) {
            return rejected(flash, NOT_IN_BASKET);
        }
    }

    @RequestMapping(value = "/remove", method = RequestMethod.POST)
    public String remove(HttpServletRequest request, HttpServletResponse response, Model model,
                         @ModelAttribute("addToCartItem") AddToCartItem item, BindingResult binding,
                      RedirectAttributes flash)
            throws IOException, PricingException {
        if (binding.hasErrors() || item.getOrderItemId() == null) {
            return rejected(flash, "Choose a line of your basket to remove");
        }
        if (!inBasket(item.getOrderItemId())) {
            return rejected(flash, NOT_IN_BASKET);
        }
        try {
            super.remove(request, response, model, item);
            flash.addFlashAttribute("cartMessage", "Removed from your basket");
            return getCartPageRedirect();
        } catch (RemoveFromCartException | IllegalArgumentException e) {
            return rejected(flash, NOT_IN_BASKET);
        }
    }

    /**
     * Whether the product exists and is on sale. Asked before Broadleaf's add-item workflow, which refuses an
     * unknown product only after logging an error with a stack trace.
     */
    private boolean onSale(Long productId) {
        Product product = productId == null ? null : catalogService.findProductById(productId);
        return product != null && product.isActive();
    }

    /**
     * Whether the line is in this shopper's basket. Asked before Broadleaf's workflows are, which would refuse it
     * too, but only after logging an error with a stack trace: anyone could fill the log with made-up line ids.
     */
    private static boolean inBasket(Long orderItemId) {
        Order cart = CartState.getCart();
        // a shopper without a basket has Broadleaf's null order, which has no lines at all (null)
        if (cart == null || orderItemId == null || cart.getOrderItems() == null) {
            return false;
        }
        for (OrderItem line : cart.getOrderItems()) {
            if (orderItemId.equals(line.getId())) {
                return true;
            }
        }
        return false;
    }

    private static String validate(AddToCartItem item, boolean update) {
        if (update ? item.getOrderItemId() == null : item.getProductId() == null) {
            return update ? "Choose a line of your basket to change" : "Choose a product to add";
        }
        int min = update ? 0 : 1;
        if (item.getQuantity() == null || item.getQuantity() < min || item.getQuantity() > MAX_QUANTITY) {
            return "Quantity must be between " + min + " and " + MAX_QUANTITY;
        }
        return null;
    }

    private String rejected(RedirectAttributes flash, String message) {
        flash.addFlashAttribute("cartError", message);
        return getCartPageRedirect();
    }
}

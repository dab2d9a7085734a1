package io.shelfwise.demo.web;

import io.shelfwise.demo.checkout.ShippingDetails;
import io.shelfwise.demo.checkout.TestPaymentCheckout;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.broadleafcommerce.core.checkout.service.exception.CheckoutException;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-page checkout: delivery address and option, then the store's test payment method (nothing is charged).
 * Invalid input re-renders the form with the shopper's entries and a message; an empty basket goes back to
 * the basket page.
 */
@Controller
@RequestMapping("/checkout")
public class CheckoutPageController {

    private static final Log LOG = LogFactory.getLog(CheckoutPageController.class);

    @Resource(name = "shelfwiseTestPaymentCheckout")
    private TestPaymentCheckout checkout;

    @RequestMapping(value = "", method = RequestMethod.GET)
    public String form(HttpServletRequest request, Model model) {
        Order cart = CartState.getCart();
        if (isEmpty(cart)) {
            return "redirect:/cart";
        }
        Customer customer = CustomerState.getCustomer(request);
        Map<String, String> fields = new LinkedHashMap<>();
        if (customer != null && customer.isRegistered()) {
            fields.put("firstName", customer.getFirstName());
            fields.put("lastName", customer.getLastName());
            fields.put("emailAddress", customer.getEmailAddress());
        }
        fields.put("countryCode", "GB");
        fields.put("fulfillmentOptionId", "-1");
        return render(model, cart, fields, null);
    }

    @RequestMapping(value = "", method = RequestMethod.POST)
    public String submit(Model model,
                         @RequestParam Map<String, String> form) throws PricingException {
        Order cart = CartState.getCart();
        if (isEmpty(cart)) {
            return "redirect:/cart";
        }
        ShippingDetails shipping;
        try {
            shipping = ShippingDetails.builder()
                    .firstName(form.get("firstName"))
                    .lastName(form.get("lastName"))
                    .addressLine1(form.get("addressLine1"))
                    .city(form.get("city"))
                    .postalCode(form.get("postalCode"))
                    .countryCode(form.get("countryCode"))
                    .emailAddress(form.get("emailAddress"))
                    .fulfillmentOptionId(parseId(form.get("fulfillmentOptionId")))
                    .build();
        } catch (IllegalArgumentException e) {
            return render(model, cart, form, e.getMessage());
        }
        try {
            Order submitted = checkout.checkout(cart, shipping);
            return "redirect:/confirmation/" + submitted.getOrderNumber();
        } catch (IllegalArgumentException e) {
            return render(model, cart, form, e.getMessage());
        } catch (CheckoutException e) {
            LOG.warn("Checkout of order " + cart.getId() + " failed", e);
            return render(model, cart, form, "We could not place your order. Please check your details and try again.");
        }
    }

    private String render(Model model, Order cart, Map<String, String> fields, String error) {
        model.addAttribute("cart", cart);
        model.addAttribute("fields", fields);
        model.addAttribute("deliveryOptions", checkout.deliveryOptions());
        model.addAttribute("checkoutError", error);
        return "checkout/checkout";
    }

    private static boolean isEmpty(Order cart) {
        return cart == null || cart instanceof NullOrderImpl || cart.getOrderItems().isEmpty();
    }

    private static long parseId(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package io.shelfwise.demo.web;

import org.broadleafcommerce.core.web.controller.checkout.BroadleafOrderConfirmationController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Order confirmation, shown only to the shopper who placed the order; anyone else gets 404. */
@Controller
public class ConfirmationPageController extends BroadleafOrderConfirmationController {

    @RequestMapping(value = "/confirmation/{orderNumber}", method = RequestMethod.GET)
    public String confirmation(@PathVariable("orderNumber") String orderNumber, Model model,
                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        String view = super.displayOrderConfirmationByOrderNumber(orderNumber, model, request, response);
        if (view == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No order " + orderNumber + " for you");
        }
        return view;
    }
}

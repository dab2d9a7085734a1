package io.shelfwise.demo.web;

import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.core.web.controller.account.BroadleafLoginController;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Sign-in page (the form posts to Spring Security's {@code /login_post}) and the signed-in customer's
 * account page with their recent orders.
 */
@Controller
public class AccountPageController extends BroadleafLoginController {

    private static final int HISTORY_SHOWN = 20;

    @Resource(name = "blOrderService")
    private OrderService orders;

    @RequestMapping(value = "/login", method = RequestMethod.GET)
    public String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("loginError", request.getParameter("error") != null);
        return super.login(request, response, model);
    }

    @RequestMapping(value = "/account", method = RequestMethod.GET)
    public String account(HttpServletRequest request, Model model) {
        Customer customer = CustomerState.getCustomer(request);
        List<Order> history = new ArrayList<>(orders.findOrdersForCustomer(customer, OrderStatus.SUBMITTED));
        Collections.sort(history, new Comparator<Order>() {
            @Override
            public int compare(Order a, Order b) {
                return b.getSubmitDate().compareTo(a.getSubmitDate());
            }
        });
        model.addAttribute("customer", customer);
        model.addAttribute("orderCount", history.size());
        model.addAttribute("orders", history.subList(0, Math.min(HISTORY_SHOWN, history.size())));
        return "account/account";
    }
}

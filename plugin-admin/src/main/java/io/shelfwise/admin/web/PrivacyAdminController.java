package io.shelfwise.admin.web;

import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.service.CustomerService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * Recommendations > Shopper Privacy: find a customer by e-mail or id, see what the plugin holds about them,
 * export it (JSON, including what they did as a visitor before signing in) or erase it. Erasing removes their
 * events and visitor links; models trained before keep what they learnt until the next training.
 */
@Controller
@RequestMapping("/shelfwise/privacy")
public class PrivacyAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/privacy";
    private static final int SHOWN = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcEventStore events;
    private final CustomerService customers;

    public PrivacyAdminController(JdbcEventStore events, CustomerService customers) {
        this.events = events;
        this.customers = customers;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(@RequestParam(value = "customer", required = false) String query, Model model) {
        model.addAttribute("query", query);
        if (query != null && !query.trim().isEmpty()) {
            Customer customer = find(query.trim());
            if (customer == null) {
                model.addAttribute("shelfwiseError", "No customer with the e-mail address or id '" + query.trim()
                        + "'.");
            } else {
                List<InteractionEvent> all = new ArrayList<>();
                events.export(ShopperKey.customer(customer.getId()), all::add);
                model.addAttribute("customer", customer);
                model.addAttribute("eventCount", all.size());
                model.addAttribute("recent", all.subList(Math.max(0, all.size() - SHOWN), all.size()));
            }
        }
        return render(model, SECTION, "privacy");
    }

    @RequestMapping(value = "/export", method = RequestMethod.GET)
    public void export(@RequestParam("customer") long customerId, HttpServletResponse response) throws IOException {
        Customer customer = customers.readCustomerById(customerId);
        if (customer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No customer " + customerId);
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        events.export(ShopperKey.customer(customerId), e -> rows.add(row(e)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", customerId);
        body.put("email", customer.getEmailAddress());
        body.put("events", rows);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"shelfwise-customer-" + customerId
                + ".json\"");
        try (OutputStream out = response.getOutputStream()) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @RequestMapping(value = "/erase", method = RequestMethod.POST)
    public String erase(@RequestParam("customer") long customerId, RedirectAttributes flash) {
        Customer customer = customers.readCustomerById(customerId);
        String redirect = SECTION + "?customer=" + customerId;
        return act(flash, redirect, () -> {
            if (customer == null) {
                throw new IllegalArgumentException("No customer " + customerId + ".");
            }
            int deleted = events.erase(ShopperKey.customer(customerId));
            return "Erased " + deleted + " events of " + customer.getEmailAddress() + " (and their visitor links)."
                    + " Models trained before keep what they learnt until the next training.";
        });
    }

    private Customer find(String query) {
        if (query.matches("\\d{1,18}")) {
            Customer byId = customers.readCustomerById(Long.valueOf(query));
            if (byId != null) {
                return byId;
            }
        }
        return customers.readCustomerByEmail(query);
    }

    private static Map<String, Object> row(InteractionEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", e.type().name());
        m.put("at", e.occurredAt().toString());
        m.put("shopper", e.shopper().toString());
        put(m, "item", e.itemId());
        put(m, "category", e.categoryId());
        put(m, "query", e.query());
        put(m, "quantity", e.quantity());
        put(m, "unitPrice", e.unitPrice());
        put(m, "order", e.orderId());
        put(m, "orderTotal", e.orderTotal());
        put(m, "placement", e.placement());
        put(m, "modelVersion", e.modelVersion());
        put(m, "arm", e.abArm());
        put(m, "rating", e.rating());
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

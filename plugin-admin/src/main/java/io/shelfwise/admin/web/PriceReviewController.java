package io.shelfwise.admin.web;

import io.shelfwise.admin.prices.PriceReviewRow;
import io.shelfwise.broadleaf.BroadleafPriceChanges;
import io.shelfwise.price.review.PriceChange;
import io.shelfwise.price.review.PriceReviewRun;
import io.shelfwise.price.review.PriceSuggestions;
import io.shelfwise.price.review.StoredPriceSuggestion;
import io.shelfwise.recommend.Catalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recommendations > Price Suggestions: the review list (current and suggested price, interval, demand, the
 * factors behind it) with filters; approve (applied at once through Broadleaf's catalogue, with an audit row),
 * edit-then-approve, reject, the same in bulk; and "make suggestions", which trains a price model and fills the
 * list in the background. Nothing reaches the catalogue without an admin's approval.
 */
@Controller
@RequestMapping("/shelfwise/prices")
public class PriceReviewController extends AdminPage {

    static final String SECTION = "/shelfwise/prices";
    private static final int MAX_ROWS = 500;

    private final PriceSuggestions suggestions;
    private final BroadleafPriceChanges changes;
    private final PriceReviewRun run;
    private final Catalogue catalogue;

    public PriceReviewController(PriceSuggestions suggestions, BroadleafPriceChanges changes, PriceReviewRun run,
                                 Catalogue catalogue) {
        this.suggestions = suggestions;
        this.changes = changes;
        this.run = run;
        this.catalogue = catalogue;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(@RequestParam(value = "status", defaultValue = "PENDING") String status,
                       @RequestParam(value = "product", required = false) String product,
                       @RequestParam(value = "outside", defaultValue = "false") boolean outsideOnly,
                       Model model) {
        StoredPriceSuggestion.Status wanted = status(status);
        String productId = product == null || product.trim().isEmpty() ? null : product.trim();
        List<PriceReviewRow> rows = new ArrayList<>();
        for (StoredPriceSuggestion s : suggestions.list(wanted, productId, MAX_ROWS)) {
            PriceReviewRow row = new PriceReviewRow(s, name(s.productId()));
            if (!outsideOnly || row.isOutsideInterval()) {
                rows.add(row);
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("status", wanted == null ? "ALL" : wanted.name());
        model.addAttribute("product", productId);
        model.addAttribute("outside", outsideOnly);
        model.addAttribute("run", run.status());
        if (productId != null) {
            model.addAttribute("audit", suggestions.audit(productId));
        }
        return render(model, SECTION, "prices");
    }

    @RequestMapping(value = "/run", method = RequestMethod.POST)
    public String makeSuggestions(RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            run.start(AdminPermissionInterceptor.currentUser());
            return "Making price suggestions: training a price model on the catalogue and its sales. "
                    + "Reload in a minute to see them.";
        });
    }

    @RequestMapping(value = "/{id}/approve", method = RequestMethod.POST)
    public String approve(@PathVariable("id") long id, @RequestParam(value = "price", required = false) String price,
                          RedirectAttributes flash) {
        return act(flash, SECTION, () -> approveAndApply(id, price));
    }

    @RequestMapping(value = "/{id}/reject", method = RequestMethod.POST)
    public String reject(@PathVariable("id") long id, @RequestParam(value = "note", required = false) String note,
                         RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            StoredPriceSuggestion s = suggestions.reject(id, AdminPermissionInterceptor.currentUser(),
                    note == null || note.trim().isEmpty() ? null : note.trim());
            return "Rejected the suggestion for " + name(s.productId()) + "; its price stays "
                    + s.currentPrice() + ".";
        });
    }

    @RequestMapping(value = "/bulk", method = RequestMethod.POST)
    public String bulk(@RequestParam("action") String action,
                       @RequestParam(value = "ids", required = false) List<Long> ids, RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("Tick at least one suggestion first.");
            }
            if (!"approve".equals(action) && !"reject".equals(action)) {
                throw new IllegalArgumentException("Unknown bulk action '" + action + "': approve or reject.");
            }
            int done = 0;
            List<String> refused = new ArrayList<>();
            for (long id : ids) {
                try {
                    if ("approve".equals(action)) {
                        approveAndApply(id, null);
                    } else {
                        suggestions.reject(id, AdminPermissionInterceptor.currentUser(), "rejected in bulk");
                    }
                    done++;
                } catch (IllegalArgumentException | IllegalStateException e) {
                    refused.add("#" + id + ": " + e.getMessage());
                }
            }
            String verb = "approve".equals(action) ? "Approved and applied " : "Rejected ";
            if (!refused.isEmpty() && done == 0) {
                throw new IllegalStateException("Nothing done: " + String.join("; ", refused));
            }
            return verb + done + " suggestion(s)." + (refused.isEmpty() ? "" : " Not done: "
                    + String.join("; ", refused));
        });
    }

    private String approveAndApply(long id, String price) {
        String by = AdminPermissionInterceptor.currentUser();
        StoredPriceSuggestion current = suggestions.find(id)
                .orElseThrow(() -> new IllegalArgumentException("No price suggestion #" + id + "."));
        if (current.status() == StoredPriceSuggestion.Status.APPROVED && (price == null || price.trim().isEmpty())) {
            // approved before, but applying it failed then: apply it now
        } else if (price != null && !price.trim().isEmpty()) {
            BigDecimal edited;
            try {
                edited = new BigDecimal(price.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + price + "' is not a price: write it like 4.95.");
            }
            if (edited.signum() <= 0 || edited.scale() > 2) {
                throw new IllegalArgumentException("A price must be above zero with at most two decimals, not "
                        + price + ".");
            }
            suggestions.approve(id, by, edited);
        } else {
            suggestions.approve(id, by);
        }
        PriceChange change = changes.apply(id, by);
        return String.format(Locale.ROOT, "%s now costs %s (was %s).", name(change.productId()),
                money(change.newPrice()), change.oldPrice() == null ? "no price" : money(change.oldPrice()));
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private String name(String productId) {
        String name = productName(catalogue, productId);
        return name == null ? "product " + productId + " (not found in the catalogue)" : name;
    }

    private static StoredPriceSuggestion.Status status(String text) {
        if ("ALL".equalsIgnoreCase(text)) {
            return null;
        }
        try {
            return StoredPriceSuggestion.Status.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return StoredPriceSuggestion.Status.PENDING;
        }
    }
}

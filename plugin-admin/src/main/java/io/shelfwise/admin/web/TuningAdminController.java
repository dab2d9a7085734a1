package io.shelfwise.admin.web;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.tuning.PlacementJson;
import io.shelfwise.recommend.tuning.PlacementPreview;
import io.shelfwise.recommend.tuning.PlacementTuning;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommendations > Placement Tuning: a placement's settings (chain and fallback order, blends with weights,
 * exclusions, category and price filters, the cap per category, list sizes, cache TTL) as JSON; a live preview of
 * what a chosen shopper or product page would get with unsaved settings, with the explanations; save (every node
 * applies it within shelfwise.tuning.sync.seconds), reset to the standard settings, and the history of changes.
 */
@Controller
@RequestMapping("/shelfwise/tuning")
public class TuningAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/tuning";
    private static final int PREVIEW_ITEMS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlacementTuning tuning;
    private final Catalogue catalogue;

    public TuningAdminController(PlacementTuning tuning, Catalogue catalogue) {
        this.tuning = tuning;
        this.catalogue = catalogue;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(@RequestParam(value = "placement", required = false) String placement, Model model) {
        String chosen = placement == null || !tuning.placements().contains(placement)
                ? tuning.placements().get(0) : placement;
        return show(model, chosen, pretty(PlacementJson.write(tuning.served(chosen))));
    }

    /** Renders what the settings would show; changes nothing (no cache, nothing saved). */
    @RequestMapping(value = "/preview", method = RequestMethod.POST)
    public String preview(@RequestParam("placement") String placement, @RequestParam("json") String json,
                          @RequestParam(value = "shopper", required = false) String shopper,
                          @RequestParam(value = "product", required = false) String product, Model model,
                          RedirectAttributes flash) {
        if (!tuning.placements().contains(placement)) {
            return unknown(flash, placement);
        }
        model.addAttribute("shopper", shopper);
        model.addAttribute("product", product);
        try {
            Placement settings = parse(placement, json);
            PlacementPreview preview = tuning.preview(settings, shopperKey(shopper),
                    product == null || product.trim().isEmpty() ? null : product.trim(), PREVIEW_ITEMS);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Recommendation r : preview.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", r.itemId());
                row.put("name", name(r.itemId()));
                row.put("strategy", r.strategy());
                row.put("version", r.modelVersion());
                row.put("reason", r.reason());
                rows.add(row);
            }
            model.addAttribute("preview", rows);
            model.addAttribute("previewFallback", preview.fallback());
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("shelfwiseError", "Cannot preview: " + e.getMessage());
        }
        return show(model, placement, json);
    }

    @RequestMapping(value = "/save", method = RequestMethod.POST)
    public String save(@RequestParam("placement") String placement, @RequestParam("json") String json,
                       RedirectAttributes flash) {
        if (!tuning.placements().contains(placement)) {
            return unknown(flash, placement);
        }
        return act(flash, back(placement), () -> {
            tuning.save(parse(placement, json), AdminPermissionInterceptor.currentUser());
            return "Saved the settings of " + placement + "; every storefront node serves them within seconds.";
        });
    }

    @RequestMapping(value = "/reset", method = RequestMethod.POST)
    public String reset(@RequestParam("placement") String placement, RedirectAttributes flash) {
        if (!tuning.placements().contains(placement)) {
            return unknown(flash, placement);
        }
        return act(flash, back(placement), () -> tuning.reset(placement,
                AdminPermissionInterceptor.currentUser())
                ? placement + " is back on its standard settings."
                : placement + " already serves its standard settings.");
    }

    /** Back to the page, the placement's name encoded (a name in braces would be a URI template to Spring). */
    private static String back(String placement) {
        try {
            return SECTION + "?placement=" + URLEncoder.encode(placement, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** An action on a placement the store does not have: the page with a message, nothing changed. */
    private static String unknown(RedirectAttributes flash, String placement) {
        flash.addFlashAttribute("shelfwiseError", "There is no placement '" + shown(placement)
                + "'; choose one from the list. Nothing was changed.");
        return "redirect:" + SECTION;
    }

    private static String shown(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }

    private String show(Model model, String placement, String json) {
        model.addAttribute("placements", tuning.placements());
        model.addAttribute("placement", placement);
        model.addAttribute("json", json);
        model.addAttribute("standardJson", pretty(PlacementJson.write(tuning.standard(placement))));
        model.addAttribute("saved", tuning.saved(placement).orElse(null));
        model.addAttribute("history", tuning.history(placement));
        model.addAttribute("strategies", tuning.strategies());
        try {
            model.addAttribute("strategiesJson", JSON.writeValueAsString(new java.util.TreeSet<>(tuning.strategies())));
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot write the strategy names as JSON", e);
        }
        return render(model, SECTION, "tuning");
    }

    private Placement parse(String placement, String json) {
        if (!tuning.placements().contains(placement)) {
            throw new IllegalArgumentException("No placement '" + placement + "'.");
        }
        Placement settings = PlacementJson.read(json);
        if (!settings.name().equals(placement)) {
            throw new IllegalArgumentException("These settings are for '" + settings.name() + "', not '" + placement
                    + "': keep the \"name\".");
        }
        tuning.validate(settings);
        return settings;
    }

    private static ShopperKey shopperKey(String text) {
        if (text == null || text.trim().isEmpty()) {
            return null;
        }
        String value = text.trim();
        if (value.matches("\\d{1,18}")) {
            return ShopperKey.customer(Long.parseLong(value));
        }
        return ShopperKey.parse(value);
    }

    private String name(String id) {
        String name = productName(catalogue, id);
        return name == null ? id : name;
    }

    /** One field per line, so an admin can edit it in a text box. */
    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}

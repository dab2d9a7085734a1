package io.shelfwise.admin.web;

import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.recommend.PlacementControl;
import io.shelfwise.recommend.experiment.Arm;
import io.shelfwise.recommend.experiment.Experiment;
import io.shelfwise.recommend.experiment.ExperimentMetrics;
import io.shelfwise.recommend.experiment.ExperimentPromotion;
import io.shelfwise.recommend.experiment.ExperimentStore;
import io.shelfwise.recommend.experiment.ExperimentTrafficSimulator;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Recommendations > A/B Tests: experiments splitting a placement's traffic between versions or configurations by
 * shopper hash; create (validated: at least two arms, percents adding up to 100, READY versions of the
 * placement's strategies), start, stop, promote the winner; per-arm impressions, clicks, CTR, add-to-cart and
 * conversion with 95% intervals and a verdict. Where the store allows it (a demo), simulated traffic.
 */
@Controller
@RequestMapping("/shelfwise/experiments")
public class ExperimentsAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/experiments";
    /** Arm rows the create form offers. */
    private static final int ARM_ROWS = 3;

    private final ExperimentStore experiments;
    private final ExperimentPromotion promotion;
    private final ExperimentMetrics metrics;
    private final ModelRegistry registry;
    private final PlacementControl recommender;
    private final JdbcEventStore events;
    private final boolean simulator;

    /**
     * @param simulator whether admins may write simulated shopper traffic into the event store (demo stores only)
     */
    public ExperimentsAdminController(ExperimentStore experiments, ExperimentPromotion promotion,
                                      ExperimentMetrics metrics, ModelRegistry registry, PlacementControl recommender,
                                      JdbcEventStore events, boolean simulator) {
        this.experiments = experiments;
        this.promotion = promotion;
        this.metrics = metrics;
        this.registry = registry;
        this.recommender = recommender;
        this.events = events;
        this.simulator = simulator;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(@RequestParam(value = "id", required = false) Long id, Model model) {
        model.addAttribute("experiments", experiments.list());
        model.addAttribute("placements", recommender.placements().keySet());
        List<ModelVersion> ready = new ArrayList<>();
        for (ModelVersion v : registry.versions()) {
            if (v.isReady() && !"price".equals(v.strategy())) {
                ready.add(v);
            }
        }
        model.addAttribute("versions", ready);
        model.addAttribute("armRows", ARM_ROWS);
        model.addAttribute("simulator", simulator);
        if (id != null) {
            experiments.get(id).ifPresent(e -> {
                model.addAttribute("selected", e);
                model.addAttribute("report", metrics.report(e));
            });
        }
        return render(model, SECTION, "experiments");
    }

    @RequestMapping(method = RequestMethod.POST)
    public String create(@RequestParam("name") String name, @RequestParam("placement") String placement,
                         @RequestParam("armName") List<String> names,
                         @RequestParam("armPercent") List<String> percents,
                         @RequestParam("armVersion") List<String> versions,
                         @RequestParam("armChain") List<String> chains,
                         @RequestParam("armMaxPerCategory") List<String> caps,
                         RedirectAttributes flash) {
        final long[] created = {0};
        String redirect = act(flash, SECTION, () -> {
            List<Arm> arms = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String armName = value(names, i);
                String percent = value(percents, i);
                if (armName == null && percent == null && value(versions, i) == null && value(chains, i) == null) {
                    continue;
                }
                if (armName == null) {
                    throw new IllegalArgumentException("Arm " + (i + 1) + " needs a name.");
                }
                Arm.Builder arm = Arm.builder(armName, number(percent, "Traffic of arm " + armName));
                if (value(versions, i) != null) {
                    arm.version(number(value(versions, i), "Version of arm " + armName));
                }
                if (value(chains, i) != null) {
                    arm.chain(value(chains, i));
                }
                if (value(caps, i) != null) {
                    arm.maxPerCategory(number(value(caps, i), "Category cap of arm " + armName));
                }
                arms.add(arm.build());
            }
            Experiment e = experiments.create(name, placement, arms, AdminPermissionInterceptor.currentUser());
            created[0] = e.id();
            return "Created experiment '" + e.name() + "' on " + e.placement() + " as a draft: start it when ready.";
        });
        return created[0] > 0 ? redirect + "?id=" + created[0] : redirect;
    }

    @RequestMapping(value = "/{id}/start", method = RequestMethod.POST)
    public String start(@PathVariable("id") long id, RedirectAttributes flash) {
        return act(flash, SECTION + "?id=" + id, () -> "Started '" + experiments.start(id,
                AdminPermissionInterceptor.currentUser()).name() + "': shoppers are split by the percentages now.");
    }

    @RequestMapping(value = "/{id}/stop", method = RequestMethod.POST)
    public String stop(@PathVariable("id") long id, RedirectAttributes flash) {
        return act(flash, SECTION + "?id=" + id, () -> "Stopped '" + experiments.stop(id,
                AdminPermissionInterceptor.currentUser()).name() + "': every shopper sees the placement as before.");
    }

    @RequestMapping(value = "/{id}/promote", method = RequestMethod.POST)
    public String promote(@PathVariable("id") long id, @RequestParam("arm") String arm, RedirectAttributes flash) {
        return act(flash, SECTION + "?id=" + id, () -> {
            ExperimentPromotion.Promoted promoted = promotion.promote(id, arm,
                    AdminPermissionInterceptor.currentUser());
            Experiment e = promoted.experiment();
            return "Promoted arm " + arm + " of '" + e.name() + "': it now serves every shopper on " + e.placement()
                    + (promoted.settings() == null ? "." : "; its settings are the placement's now (Placement "
                    + "Tuning shows them, and its reset returns " + e.placement() + " to its standard settings).");
        });
    }

    /** Demo stores: simulated shoppers for a running experiment, with a true CTR per arm. */
    @RequestMapping(value = "/{id}/simulate", method = RequestMethod.POST)
    public String simulate(@PathVariable("id") long id, @RequestParam("shoppers") String shoppers,
                           @RequestParam Map<String, String> form, RedirectAttributes flash) {
        return act(flash, SECTION + "?id=" + id, () -> {
            if (!simulator) {
                throw new IllegalStateException("Simulated traffic is off in this store "
                        + "(shelfwise.admin.simulator.enabled): it would mix invented shoppers into real data.");
            }
            Experiment e = experiments.get(id)
                    .orElseThrow(() -> new IllegalArgumentException("No experiment " + id + "."));
            Map<String, Double> ctr = new LinkedHashMap<>();
            for (Arm arm : e.arms()) {
                String text = form.get("ctr." + arm.name());
                try {
                    ctr.put(arm.name(), Double.valueOf(text == null ? "" : text.trim()));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("Give arm " + arm.name() + " a click rate like 0.05, not '"
                            + text + "'.");
                }
            }
            int n = number(shoppers, "Shoppers");
            if (n > 20_000) {
                throw new IllegalArgumentException("Simulate at most 20000 shoppers at a time, not " + n + ".");
            }
            Map<?, Integer> written = new ExperimentTrafficSimulator(events, new Random())
                    .simulate(e, n, ctr, Instant.now());
            return "Simulated " + n + " shoppers: " + written + ".";
        });
    }

    private static String value(List<String> values, int i) {
        if (values == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + text + "'.");
        }
    }
}

package io.shelfwise.admin.web;

import io.shelfwise.admin.models.ModelsOverview;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.serving.OnnxRecommender;
import io.shelfwise.training.RecommenderTraining;
import io.shelfwise.training.StandardTrainers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recommendations > Models: every placement with what serves it, every strategy's versions side by side with
 * their offline metrics, and the actions: train now (in the background, with progress and cancel), activate, roll
 * back, delete. Activation loads the version first; a version that does not load changes nothing.
 */
@Controller
@RequestMapping("/shelfwise/models")
public class ModelsAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/models";

    private final ModelRegistry registry;
    private final RecommenderTraining training;
    private final OnnxRecommender recommender;

    public ModelsAdminController(ModelRegistry registry, RecommenderTraining training, OnnxRecommender recommender) {
        this.registry = registry;
        this.training = training;
        this.recommender = recommender;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(Model model) {
        model.addAttribute("overview", ModelsOverview.read(registry, recommender.placements().values(),
                StandardTrainers.STRATEGIES));
        return render(model, SECTION, "models");
    }

    /** A run's status and progress, for the page's progress bars. */
    @RequestMapping(value = "/versions/{id}", method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> version(@PathVariable("id") long id) {
        Optional<ModelVersion> found = registry.version(id);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!found.isPresent()) {
            body.put("error", "No model version " + id);
            return new ResponseEntity<>(body, HttpStatus.NOT_FOUND);
        }
        ModelVersion v = found.get();
        body.put("id", v.id());
        body.put("label", v.label());
        body.put("status", v.status().name());
        body.put("progress", v.progress() == null ? 0.0 : v.progress());
        body.put("message", v.message());
        return new ResponseEntity<>(body, HttpStatus.OK);
    }

    @RequestMapping(value = "/train", method = RequestMethod.POST)
    public String train(@RequestParam("strategy") String strategy,
                        @RequestParam(value = "activate", defaultValue = "false") boolean activate,
                        RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            ModelVersion v = training.trainNow(strategy, AdminPermissionInterceptor.currentUser(), activate);
            return "Training " + v.label() + (activate ? "; it goes live when it is ready." : ".");
        });
    }

    @RequestMapping(value = "/versions/{id}/cancel", method = RequestMethod.POST)
    public String cancel(@PathVariable("id") long id, RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            ModelVersion v = known(id);
            if (v.status() != ModelVersion.Status.TRAINING) {
                throw new IllegalStateException(v.label() + " is not training (it is " + v.status() + ").");
            }
            training.cancel(id, AdminPermissionInterceptor.currentUser());
            return "Cancelled training of " + v.label() + ".";
        });
    }

    @RequestMapping(value = "/versions/{id}/activate", method = RequestMethod.POST)
    public String activate(@PathVariable("id") long id, @RequestParam(value = "slot", required = false) String slot,
                           RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            ModelVersion v = known(id);
            if (!v.isReady()) {
                throw new IllegalStateException(v.label() + " cannot be activated: it is " + v.status()
                        + (v.message() == null ? "." : " (" + v.message() + ")."));
            }
            String target = slot == null || slot.isEmpty() ? v.strategy() : slot;
            training.activate(target, id, AdminPermissionInterceptor.currentUser());
            return v.label() + " now serves " + target + ".";
        });
    }

    @RequestMapping(value = "/rollback", method = RequestMethod.POST)
    public String rollback(@RequestParam("slot") String slot, RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            ModelVersion v = training.rollback(slot, AdminPermissionInterceptor.currentUser());
            return slot + " is back on " + v.label() + ".";
        });
    }

    @RequestMapping(value = "/versions/{id}/delete", method = RequestMethod.POST)
    public String delete(@PathVariable("id") long id, RedirectAttributes flash) {
        return act(flash, SECTION, () -> {
            ModelVersion v = known(id);
            if (v.status() == ModelVersion.Status.TRAINING) {
                throw new IllegalStateException(v.label() + " is still training: cancel it first.");
            }
            registry.delete(id);
            return "Deleted " + v.label() + ".";
        });
    }

    private ModelVersion known(long id) {
        return registry.version(id).orElseThrow(() -> new IllegalArgumentException("No model version " + id + "."));
    }
}

package io.shelfwise.admin.web;

import io.shelfwise.admin.models.ModelsOverview;
import io.shelfwise.admin.models.UploadReport;
import io.shelfwise.recommend.PlacementControl;
import io.shelfwise.recommend.training.RecommenderTraining;
import io.shelfwise.recommend.training.StandardTrainers;
import io.shelfwise.recommend.upload.ModelUpload;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;

/**
 * Recommendations > Models: every placement with what serves it, every strategy's versions side by side with
 * their offline metrics, and the actions: train now (in the background, with progress and cancel), activate, roll
 * back, delete, and upload a bring-your-own ONNX model. Activation loads the version first; a version that does not
 * load changes nothing. An upload is checked by {@link ModelUpload} and recorded READY or FAILED, never activated.
 */
@Controller
@RequestMapping("/shelfwise/models")
public class ModelsAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/models";
    /** The multipart field of the upload form holding the model file. */
    static final String UPLOAD_FILE = "file";
    /** Flash attribute: the upload check's findings, one line each, listed under the message. */
    static final String UPLOAD_FINDINGS = "uploadFindings";
    /**
     * What the training node trains and retrains on its schedule: the standard strategies and, as the Broadleaf
     * wiring always gives the trainers the catalogue's content, {@code content}. An upload under one of these names
     * is replaced when training activates a new version.
     */
    static final List<String> TRAINED_STRATEGIES;

    static {
        List<String> trained = new ArrayList<>(StandardTrainers.STRATEGIES);
        trained.add("content");
        TRAINED_STRATEGIES = Collections.unmodifiableList(trained);
    }

    private final ModelRegistry registry;
    private final RecommenderTraining training;
    private final PlacementControl recommender;
    private final ModelUpload upload;
    private final long largestUpload;

    /**
     * @param requestLimitBytes the admin's multipart limit on a whole request (Broadleaf's
     *                          {@code asset.server.max.uploadable.file.size}); the form states the smaller of it and
     *                          the upload check's own limit
     */
    public ModelsAdminController(ModelRegistry registry, RecommenderTraining training, PlacementControl recommender,
                                 ModelUpload upload, long requestLimitBytes) {
        this.registry = registry;
        this.training = training;
        this.recommender = recommender;
        this.upload = upload;
        long checkLimit = upload.check().maxBytes();
        this.largestUpload = requestLimitBytes > 0 ? Math.min(requestLimitBytes, checkLimit) : checkLimit;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(Model model) {
        model.addAttribute("overview", ModelsOverview.read(registry, recommender.placements().values(),
                StandardTrainers.STRATEGIES));
        model.addAttribute("uploadMaxBytes", largestUpload);
        model.addAttribute("uploadMaxMegabytes", OversizeUploadRejection.megabytes(largestUpload));
        model.addAttribute("trainedStrategies", TRAINED_STRATEGIES);
        return render(model, SECTION, "models");
    }

    /** The largest model file the form accepts: the smaller of the request limit and the check's. */
    long largestUpload() {
        return largestUpload;
    }

    /**
     * Uploads a bring-your-own ONNX model as the next version of {@code strategy}: checked (size first, before the
     * file is read; then ONNX, inputs and outputs, item ids, a dry run) and recorded READY or FAILED in the model
     * store under the registry's own file name; the client's file name is kept as text only. Nothing is activated.
     * The form sends the CSRF token in its URL, as Broadleaf's filter checks it before the multipart body is read;
     * a request over the admin's multipart limit is answered by {@link OversizeUploadRejection}.
     */
    @RequestMapping(value = "/upload", method = RequestMethod.POST)
    public String upload(@RequestParam(value = "strategy", required = false) String strategy,
                         HttpServletRequest request, RedirectAttributes flash) {
        MultipartFile file = request instanceof MultipartHttpServletRequest
                ? ((MultipartHttpServletRequest) request).getFile(UPLOAD_FILE) : null;
        return act(flash, SECTION, () -> {
            if (file == null || file.isEmpty()) {
                throw new IllegalArgumentException("Choose the .onnx file to upload (the upload had no file, or an "
                        + "empty one); nothing was recorded.");
            }
            ModelUpload.UploadedVersion uploaded;
            try (InputStream content = file.getInputStream()) {
                uploaded = upload.upload(strategy == null ? null : strategy.trim(), content, file.getSize(),
                        file.getOriginalFilename(), AdminPermissionInterceptor.currentUser());
            } catch (IOException e) {
                throw new IllegalStateException("The upload could not be read or stored (" + e.getMessage()
                        + "); nothing was activated.", e);
            }
            UploadReport report = UploadReport.of(uploaded, TRAINED_STRATEGIES);
            flash.addFlashAttribute(UPLOAD_FINDINGS, report.findings());
            if (!report.passed()) {
                throw new IllegalStateException(report.message());
            }
            return report.message();
        });
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

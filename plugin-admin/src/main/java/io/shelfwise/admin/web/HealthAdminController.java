package io.shelfwise.admin.web;

import io.shelfwise.admin.health.HealthOverview;
import io.shelfwise.health.HealthMonitor;
import io.shelfwise.health.HealthSnapshot;
import io.shelfwise.health.NodeHealthReport;
import io.shelfwise.health.NodeHealthReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Recommendations > Health: an alarm while any storefront node's events are not being stored, what every
 * storefront node reported (event intake and drops, queue, cache hit rates, recommendation latency per placement,
 * model failures), charts of the last hours, and the last training run of each strategy. The storefront nodes write
 * their reports to the plugin's tables; this page never shows the admin server's own (near idle) counters as if
 * they were the shop's. A database that cannot be read never fails the page: each part that cannot be read (the
 * nodes' reports, the training runs) is replaced by a message saying so, and the rest is shown.
 */
@Controller
@RequestMapping("/shelfwise/health")
public class HealthAdminController extends AdminPage {

    static final String SECTION = "/shelfwise/health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthAdminController.class);
    /** Nodes that reported within this long are listed. */
    private static final Duration LISTED = Duration.ofHours(1);
    private static final int MAX_HOURS = 24;

    private final NodeHealthReports reports;
    private final HealthMonitor monitor;
    private final Clock clock;

    /** @param monitor this server's monitor: read for the training runs only (the registry every node shares) */
    public HealthAdminController(NodeHealthReports reports, HealthMonitor monitor, Clock clock) {
        this.reports = reports;
        this.monitor = monitor;
        this.clock = clock;
    }

    @RequestMapping(method = RequestMethod.GET)
    public String page(Model model) {
        read(model);
        return render(model, SECTION, "health");
    }

    /**
     * Puts what the page shows into the model: {@code overview}, {@code training}, and {@code healthProblems} (one
     * message per part that could not be read; {@code reportsUnreadable}, {@code trainingUnreadable} say which).
     * Never throws for a database that is down or refuses.
     */
    void read(Model model) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        HealthOverview overview;
        try {
            overview = new HealthOverview(reports.latest(now.minus(LISTED)), now);
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: health page: cannot read the nodes' reports: " + e);
            model.addAttribute("databaseError", databaseSaid(e));
            model.addAttribute("reportsUnreadable", true);
            overview = new HealthOverview(Collections.<NodeHealthReport>emptyList(), now);
        }
        List<HealthSnapshot.TrainingStatus> training;
        try {
            training = monitor.training();
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: health page: cannot read the training runs: " + e);
            problems.add("The training runs cannot be read from the model registry: " + databaseSaid(e));
            model.addAttribute("trainingUnreadable", true);
            training = Collections.emptyList();
        }
        model.addAttribute("overview", overview);
        model.addAttribute("training", training);
        model.addAttribute("healthProblems", problems);
        model.addAttribute("staleMinutes", HealthOverview.STALE.toMinutes());
    }

    /**
     * What the database said, in its own words: the innermost message of the failure (JDBC drivers wrap the
     * operating system's), or the name of what failed when it has none (HSQLDB says "java.io.EOFException").
     */
    static String databaseSaid(Throwable failure) {
        String said = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().trim().isEmpty()) {
                said = t.getMessage().trim();
            }
        }
        if (said == null) {
            said = failure.getClass().getSimpleName();
        }
        return said.length() > 300 ? said.substring(0, 300) + "..." : said;
    }

    /** Chart series of the last {@code hours} (1 to 24): see {@link HealthOverview#series}. */
    @RequestMapping(value = "/series", method = RequestMethod.GET, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> series(@RequestParam(value = "hours", defaultValue = "6") String hours) {
        int span;
        try {
            span = Integer.parseInt(hours.trim());
        } catch (NumberFormatException e) {
            span = -1;
        }
        if (span < 1 || span > MAX_HOURS) {
            return error(HttpStatus.BAD_REQUEST, "hours is a whole number from 1 to " + MAX_HOURS + ", was '"
                    + hours + "'");
        }
        Instant since = clock.instant().minus(Duration.ofHours(span));
        try {
            return new ResponseEntity<>(HealthOverview.series(reports.since(since), since), HttpStatus.OK);
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: health series: cannot read the nodes' reports: " + e);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "The health reports cannot be read: " + e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return new ResponseEntity<>(Collections.<String, Object>singletonMap("error", message), status);
    }
}

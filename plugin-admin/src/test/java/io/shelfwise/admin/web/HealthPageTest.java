package io.shelfwise.admin.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.health.HealthMonitor;
import io.shelfwise.health.HealthSnapshot;
import io.shelfwise.health.NodeHealthReport;
import io.shelfwise.health.NodeHealthReports;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.ui.ExtendedModelMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring3.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Health page's reading and its template, on a real HSQLDB that the tests break: the page must show the alarm
 * for a node whose events are not stored, and must show a message (never an error page) when the database cannot be
 * read. Rendered with Thymeleaf's Spring engine, as Broadleaf's admin renders it, without the admin layout.
 */
class HealthPageTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path models;

    private String name;
    private HealthAdminController page;
    private NodeHealthReports reports;

    @BeforeEach
    void setUp() throws Exception {
        name = "health-page-" + UUID.randomUUID();
        JDBCDataSource create = dataSource("");
        ShelfwiseSchema.migrate(create);
        // the page's components find the database only while it is up, as a pool would
        JDBCDataSource ds = dataSource(";ifexists=true");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        reports = new NodeHealthReports(ds, clock, Duration.ofHours(24));
        HealthMonitor monitor = new HealthMonitor(new SimpleMeterRegistry(),
                new JdbcModelRegistry(ds, new ModelArtifactStore(models), clock),
                Collections.emptyMap(), clock, Duration.ofMinutes(15));
        page = new HealthAdminController(reports, monitor, clock);
    }

    private JDBCDataSource dataSource(String properties) {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:mem:" + name + properties);
        ds.setUser("SA");
        ds.setPassword("");
        return ds;
    }

    @Test
    void aNodeWhoseEventsAreNotStoredRaisesTheAlarmWithSinceWhenAndTheDatabasesWords() {
        reports.record(report("storefront 7@shop-1", new HealthSnapshot.EventIntake(9000, 1000,
                Collections.singletonMap("queue_full", 250.0), 8000, null, null, null, NOW.minusSeconds(600),
                "The database refused 500 events: Data File size limit is reached", 37)));
        reports.record(report("storefront 8@shop-2", new HealthSnapshot.EventIntake(10, 10,
                Collections.<String, Double>emptyMap(), 0, null, null, null)));

        ExtendedModelMap model = new ExtendedModelMap();
        page.read(model);
        String html = render(model);

        assertThat((List<?>) model.get("healthProblems")).isEmpty();
        assertThat(html).contains("Events are not being stored").contains("storefront 7@shop-1")
                .contains("2026-12-03T08:50:00Z").contains("for 10 min").contains(">8000</span> events waiting")
                .contains(">250</span> dropped").contains(">37</span> failed writes")
                .contains("The database refused 500 events: Data File size limit is reached");
        assertThat(html.substring(html.indexOf("id=\"sw-events-not-stored\""), html.indexOf("</section>")))
                .as("only the failing node is in the alarm").doesNotContain("storefront 8@shop-2");
    }

    @Test
    void allNodesStoringShowsNoAlarm() {
        reports.record(report("storefront 8@shop-2", new HealthSnapshot.EventIntake(10, 10,
                Collections.<String, Double>emptyMap(), 0, null, null, null)));
        ExtendedModelMap model = new ExtendedModelMap();
        page.read(model);
        assertThat(render(model)).contains("storefront 8@shop-2").doesNotContain("Events are not being stored");
    }

    @Test
    void healthReportsThatCannotBeReadLeaveAMessageAndTheTrainingRuns() throws Exception {
        sql("DROP TABLE SW_NODE_HEALTH");

        ExtendedModelMap model = new ExtendedModelMap();
        page.read(model);
        String html = render(model);

        assertThat((List<?>) model.get("healthProblems")).isEmpty();
        assertThat(model.get("databaseError").toString()).contains("SW_NODE_HEALTH");
        assertThat(html).contains("id=\"sw-database-unreadable\"")
                .contains("The plugin's database cannot be read: events are probably not being stored")
                .contains("No model trained or uploaded yet").doesNotContain("No storefront server has reported");
    }

    @Test
    void aDatabaseThatIsDownLeavesThePageUpWithMessagesNotAnErrorPage() throws Exception {
        reports.record(report("storefront 7@shop-1", new HealthSnapshot.EventIntake(10, 10,
                Collections.<String, Double>emptyMap(), 0, null, null, null)));
        sql("SHUTDOWN");

        ExtendedModelMap model = new ExtendedModelMap();
        page.read(model);
        String html = render(model);

        assertThat((List<?>) model.get("healthProblems")).hasSize(1);
        assertThat(html).contains("events are probably not being stored").contains("training runs cannot be read")
                .doesNotContain("No storefront server has reported").doesNotContain("No model trained")
                .doesNotContain("Exception:").doesNotContain("\tat ");
        assertThat(page.series("6").getStatusCode().value()).isEqualTo(503);
        assertThat(page.series("6").getBody().get("error").toString())
                .startsWith("The health reports cannot be read");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource(";ifexists=true").getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static NodeHealthReport report(String node, HealthSnapshot.EventIntake events) {
        return new NodeHealthReport(node, "storefront", NOW.minusSeconds(3600), new HealthSnapshot(NOW.minusSeconds(20),
                events, Collections.<String, HealthSnapshot.CacheHealth>emptyMap(),
                Collections.<HealthSnapshot.PlacementLatency>emptyList(), Collections.<String, Double>emptyMap(),
                Collections.<HealthSnapshot.TrainingStatus>emptyList()));
    }

    /** The page's template with the model the controller read, as the admin renders it (Spring EL). */
    private static String render(ExtendedModelMap model) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("META-INF/shelfwise-admin/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        MockServletContext servletContext = new MockServletContext();
        MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/admin/shelfwise/health");
        request.setContextPath("/admin");
        model.addAttribute("canManage", true);
        WebContext context = new WebContext(request, new MockHttpServletResponse(), servletContext, Locale.ROOT,
                model);
        return engine.process("views/shelfwise/health", context);
    }
}

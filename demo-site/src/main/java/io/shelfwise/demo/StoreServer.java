package io.shelfwise.demo;

import org.apache.catalina.Container;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ContextEnvironment;
import org.apache.tomcat.util.descriptor.web.ErrorPage;

import javax.servlet.ServletContainerInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo store's servlet container: one embedded Tomcat serving the storefront at {@code /} and Broadleaf's
 * admin console at {@code /admin}, both on the same database. Start once, stop once; not reusable.
 */
public final class StoreServer implements AutoCloseable {

    private static final int[] ERROR_STATUSES = {400, 401, 403, 404, 405, 413, 500, 503};

    /**
     * Tribuo logs each price training run (every fold and the final fit) at INFO through java.util.logging; the
     * plugin logs one line per run itself. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");
    /**
     * Tomcat logs the first malformed request line or parameter of a run at INFO, with a stack trace: the client's
     * mistake, answered 400, not the store's. Held for the same reason.
     */
    private static final Logger REQUEST_PARSING = Logger.getLogger("org.apache.coyote.http11.Http11Processor");
    private static final Logger PARAMETER_PARSING = Logger.getLogger("org.apache.tomcat.util.http.Parameters");

    private final Tomcat tomcat;
    private final int port;

    private StoreServer(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    /**
     * Applies the settings, starts Tomcat and both web applications, and returns once they are serving. Until
     * then, requests that reach the port get 503 with {@code Retry-After} and a "the store is starting" page (see
     * {@link StartupGate}), the admin console's included.
     *
     * @param withAdmin whether to start the admin console too (tests of the storefront alone leave it out)
     * @throws IllegalStateException if a web application fails to start (the cause is in the log)
     */
    public static StoreServer start(DemoSettings settings, boolean withAdmin) throws IOException, LifecycleException {
        settings.apply();
        TRIBUO.setLevel(Level.WARNING);
        REQUEST_PARSING.setLevel(Level.WARNING);
        PARAMETER_PARSING.setLevel(Level.WARNING);
        Path work = settings.dataDir().resolve("tomcat");
        Files.createDirectories(work);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(work.toString());
        // Broadleaf names its JMX beans after java:comp/env/appName; each web application gets its own.
        tomcat.enableNaming();
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(settings.port());
        connector.setProperty("address", "0.0.0.0");
        connector.setURIEncoding("UTF-8");
        connector.setMaxPostSize(1024 * 1024);
        // request threads: on a small machine, fewer threads than connections keep the latency tail short (a
        // request waits its turn instead of sharing the cores with dozens of others); see docs/storefront-widgets.md
        connector.setProperty("maxThreads", System.getProperty("shelfwise.demo.http.threads", "200"));
        tomcat.setConnector(connector);
        // 503 + Retry-After instead of 404 while the web applications start (the connector listens from the
        // moment the admin console is up; the storefront's start, seeding included, comes after)
        StartupGate gate = new StartupGate();
        tomcat.getHost().getPipeline().addValve(gate);
        // no exception or server version on Tomcat's own error pages; the host takes this valve instead of its own
        ((StandardHost) tomcat.getHost()).setErrorReportValveClass(StatusReport.class.getName());
        tomcat.getHost().getPipeline().addValve(new StatusReport());

        // The admin context holds every Broadleaf entity, so on a new database it creates the schema and loads
        // the reference data; the storefront then starts on the existing schema. Broadleaf keeps some state in
        // statics shared by both contexts, and the storefront, started last, is the one they point to.
        if (withAdmin) {
            addWebApp(tomcat, "/admin", work.resolve("admin-docs"), new AdminInitializer(), false);
            tomcat.start();
            failUnlessAvailable(tomcat);
            System.setProperty(DemoSettings.SCHEMA_ACTION_PROPERTY, "update");
            addWebApp(tomcat, "", work.resolve("site-docs"), new StorefrontInitializer(), true);
        } else {
            addWebApp(tomcat, "", work.resolve("site-docs"), new StorefrontInitializer(), true);
            tomcat.start();
        }
        failUnlessAvailable(tomcat);
        gate.open();
        return new StoreServer(tomcat, connector.getLocalPort());
    }

    private static void failUnlessAvailable(Tomcat tomcat) throws LifecycleException {
        for (Container child : tomcat.getHost().findChildren()) {
            if (!child.getState().isAvailable()) {
                tomcat.stop();
                tomcat.destroy();
                throw new IllegalStateException("The web application at '" + child.getName()
                        + "' failed to start; see the log above");
            }
        }
    }

    private static void addWebApp(Tomcat tomcat, String path, Path docBase, ServletContainerInitializer initializer,
                                  boolean storeErrorPages) throws IOException {
        Files.createDirectories(docBase);
        // Configure fully before adding: a context added to a running host starts at once.
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(docBase.toString());
        context.addLifecycleListener(new Tomcat.FixContextListener());
        context.setFailCtxIfServletStartFails(true);
        ContextEnvironment appName = new ContextEnvironment();
        appName.setName("appName");
        appName.setType(String.class.getName());
        appName.setValue(path.isEmpty() ? "shelfwise-storefront" : "shelfwise" + path.replace('/', '-'));
        appName.setOverride(false);
        context.getNamingResources().addEnvironment(appName);
        Tomcat.addDefaultMimeTypeMappings(context);
        context.setRequestCharacterEncoding("UTF-8");
        context.setResponseCharacterEncoding("UTF-8");
        context.setSessionTimeout(60);
        context.addServletContainerInitializer(initializer, null);
        if (path.equals("/admin")) {
            // Keep the admin's session apart from the shopper's on the same host.
            context.setSessionCookieName("ADMINSESSIONID");
        }
        if (storeErrorPages) {
            for (int status : ERROR_STATUSES) {
                ErrorPage page = new ErrorPage();
                page.setErrorCode(status);
                page.setLocation("/error");
                context.addErrorPage(page);
            }
            ErrorPage any = new ErrorPage();
            any.setExceptionType(Throwable.class.getName());
            any.setLocation("/error");
            context.addErrorPage(any);
        }
        tomcat.getHost().addChild(context);
    }

    /** The port the store listens on (the bound one when the settings asked for 0). */
    public int port() {
        return port;
    }

    /** Blocks the calling thread until the server is stopped. */
    public void await() {
        tomcat.getServer().await();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}

package io.shelfwise.demo;

import io.shelfwise.demo.web.UncaughtErrorFilter;
import io.shelfwise.storefront.web.SessionlessPluginRequests;
import org.broadleafcommerce.common.web.extensibility.MergeContextLoaderListener;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewFilter;
import org.springframework.web.context.request.RequestContextListener;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import javax.servlet.DispatcherType;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletRegistration;
import javax.servlet.SessionTrackingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The storefront web application, set up in code where a WAR would have a web.xml: Broadleaf's merged root
 * context (Broadleaf's files, the store's patches, the plugin's), the filter chain Broadleaf needs in front of
 * every request, and a DispatcherServlet for the pages.
 * <p>
 * Filter order: the last-resort error filter (an escaped exception becomes a 500 page and a throttled log line),
 * UTF-8 encoding, an entity manager open for the whole request (Broadleaf's lazy collections are
 * read while the page renders), the plugin's filter that keeps its JSON, beacon and static URLs from opening a
 * session for a client without one, Broadleaf's request context (site, locale, currency), then Spring Security,
 * inside which the customer and cart are resolved.
 */
final class StorefrontInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter("patchConfigLocation", classpathLocations(storefrontRootPatches()));
        // Sessions by cookie only: never a session id in a URL (error pages are rendered outside Spring Security,
        // whose disable-url-rewriting would otherwise be all that keeps it out of their links).
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.addListener(new MergeContextLoaderListener());
        context.addListener(new RequestContextListener());

        // Error pages are rendered on an ERROR dispatch after the request's Broadleaf context is gone, so the
        // Broadleaf and security filters see REQUEST dispatches only; the error page needs neither.
        EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter("shelfwiseUncaughtErrors", new UncaughtErrorFilter())
                .addMappingForUrlPatterns(requests, false, "/*");
        FilterRegistration.Dynamic encoding = context.addFilter("encodingFilter", new CharacterEncodingFilter());
        encoding.setInitParameter("encoding", "UTF-8");
        encoding.setInitParameter("forceEncoding", "true");
        encoding.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR), false, "/*");

        FilterRegistration.Dynamic entityManager =
                context.addFilter("openEntityManagerInViewFilter", new OpenEntityManagerInViewFilter());
        entityManager.addMappingForUrlPatterns(requests, false, "/*");

        context.addFilter("shelfwiseSessionlessPluginRequests", new SessionlessPluginRequests())
                .addMappingForUrlPatterns(requests, false, "/shelfwise/*");
        context.addFilter("blRequestFilter", new DelegatingFilterProxy("blRequestFilter"))
                .addMappingForUrlPatterns(requests, false, "/*");
        context.addFilter("springSecurityFilterChain", new DelegatingFilterProxy("springSecurityFilterChain"))
                .addMappingForUrlPatterns(requests, false, "/*");

        DispatcherServlet dispatcher = new DispatcherServlet();
        // Broadleaf's CMS client servlet file brings the property configurer the servlet context needs.
        dispatcher.setContextConfigLocation(
                "classpath:/applicationContext-servlet-cms-contentClient.xml classpath:/shelfwise-site-servlet.xml "
                        + "classpath:/bl-shelfwise-storefront-servlet.xml");
        ServletRegistration.Dynamic servlet = context.addServlet("storefront", dispatcher);
        servlet.setLoadOnStartup(1);
        servlet.addMapping("/");
    }

    static List<String> storefrontRootPatches() {
        List<String> patches = new ArrayList<>(StoreContextLocations.storefrontPatches());
        patches.add("bl-shelfwise-storefront-capture-applicationContext.xml");
        patches.add("bl-shelfwise-storefront-applicationContext.xml");
        patches.add("shelfwise-site-applicationContext.xml");
        patches.add("shelfwise-site-applicationContext-security.xml");
        return patches;
    }

    /** Broadleaf's merge context reads patch locations as {@code classpath*:name} (no leading slash). */
    static String classpathLocations(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append("classpath*:").append(name);
        }
        return out.toString();
    }
}

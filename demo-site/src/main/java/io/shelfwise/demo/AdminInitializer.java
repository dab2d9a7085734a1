package io.shelfwise.demo;

import org.broadleafcommerce.common.web.extensibility.MergeContextLoaderListener;
import org.springframework.web.context.request.RequestContextListener;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import javax.servlet.DispatcherType;
import javax.servlet.FilterRegistration;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Broadleaf's admin console as a web application, set up in code: the merged admin root context (Broadleaf's
 * content-creator and admin-module files on top of the standard ones, the demo's data source, the plugin) and
 * a DispatcherServlet over Broadleaf's admin servlet files. Spring Security runs on REQUEST dispatches only, so
 * the login page that the entry point forwards to is not filtered twice (Broadleaf's admin relies on that).
 */
final class AdminInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.setInitParameter("patchConfigLocation",
                StorefrontInitializer.classpathLocations(adminRootPatches()));
        context.addListener(new MergeContextLoaderListener());
        context.addListener(new RequestContextListener());

        FilterRegistration.Dynamic encoding = context.addFilter("encodingFilter", new CharacterEncodingFilter());
        encoding.setInitParameter("encoding", "UTF-8");
        encoding.setInitParameter("forceEncoding", "true");
        encoding.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addFilter("springSecurityFilterChain", new DelegatingFilterProxy("springSecurityFilterChain"))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

        DispatcherServlet dispatcher = new DispatcherServlet();
        dispatcher.setContextConfigLocation("classpath:/applicationContext-servlet-open-admin.xml"
                + " classpath:/applicationContext-servlet-cms-contentCreator.xml"
                + " classpath:/applicationContext-servlet-admin.xml"
                + " classpath:/shelfwise-admin-servlet.xml"
                + " classpath:/bl-shelfwise-admin-servlet.xml");
        ServletRegistration.Dynamic servlet = context.addServlet("admin", dispatcher);
        servlet.setLoadOnStartup(1);
        servlet.addMapping("/");
    }

    static List<String> adminRootPatches() {
        List<String> patches = new ArrayList<>();
        patches.add("bl-open-admin-contentClient-applicationContext.xml");
        patches.add("bl-cms-contentClient-applicationContext.xml");
        patches.add("bl-open-admin-contentCreator-applicationContext.xml");
        patches.add("bl-cms-contentCreator-applicationContext.xml");
        patches.add("bl-admin-applicationContext.xml");
        patches.add("shelfwise-demo-applicationContext-datasource.xml");
        patches.add("bl-shelfwise-applicationContext.xml");
        patches.add("bl-shelfwise-training-applicationContext.xml");
        patches.add("bl-shelfwise-admin-applicationContext.xml");
        patches.add("shelfwise-admin-applicationContext-security.xml");
        return patches;
    }
}

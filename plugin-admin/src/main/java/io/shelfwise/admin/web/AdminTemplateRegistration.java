package io.shelfwise.admin.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Collections;

/**
 * Adds the module's page templates ({@code views/shelfwise/*}, rendered inside Broadleaf's admin layout) to the
 * admin template engine ({@code blAdminWebTemplateEngine}) before it first renders. They resolve after the store's
 * own resolvers, so a store may override any of them.
 */
public final class AdminTemplateRegistration implements BeanPostProcessor {

    static final String TEMPLATE_PREFIX = "META-INF/shelfwise-admin/templates/";
    /** After Broadleaf's servlet (200) and class-path (300) resolvers. */
    static final int TEMPLATE_ORDER = 1000;

    private final String engineBean;

    public AdminTemplateRegistration(String engineBean) {
        this.engineBean = engineBean;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (beanName.equals(engineBean) && bean instanceof TemplateEngine) {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix(TEMPLATE_PREFIX);
            resolver.setSuffix(".html");
            resolver.setTemplateMode("HTML5");
            resolver.setCharacterEncoding("UTF-8");
            resolver.setOrder(TEMPLATE_ORDER);
            resolver.setResolvablePatterns(Collections.singleton("views/shelfwise/*"));
            ((TemplateEngine) bean).addTemplateResolver(resolver);
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean;
    }
}

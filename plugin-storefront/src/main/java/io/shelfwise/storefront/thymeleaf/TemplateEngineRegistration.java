package io.shelfwise.storefront.thymeleaf;

import io.shelfwise.storefront.RecommendationWidgets;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Adds the {@code shelfwise:} dialect and the plugin's own fragment templates to Broadleaf's storefront template
 * engine ({@code blWebTemplateEngine}) before it first renders. The plugin's templates resolve last, after the
 * store's: a store that ships {@code shelfwise/recommendations.html} among its templates overrides the default look.
 * <p>
 * The widgets bean is looked up at the first render, not when this post-processor is created: a post-processor's
 * dependencies are created before Broadleaf's own post-processors run, which would cost the catalogue and order
 * services their transaction proxies.
 */
public final class TemplateEngineRegistration implements BeanPostProcessor, BeanFactoryAware {

    /** Where the default fragments live on the class path. */
    static final String TEMPLATE_PREFIX = "META-INF/shelfwise/templates/";
    /** After Broadleaf's database (100), servlet (200) and class-path (300) resolvers. */
    static final int TEMPLATE_ORDER = 1000;

    private final String engineBean;
    private final String widgetsBean;
    private final boolean enabled;
    private volatile BeanFactory beanFactory;
    private volatile RecommendationWidgets widgets;

    /**
     * @param engineBean  the template engine to extend ({@code blWebTemplateEngine})
     * @param widgetsBean the {@link RecommendationWidgets} bean's name
     */
    public TemplateEngineRegistration(String engineBean, String widgetsBean) {
        this(engineBean, widgetsBean, true);
    }

    /**
     * @param enabled false renders every widget element as nothing, without asking a model (a store's switch to
     *                turn recommendations off without editing templates)
     */
    public TemplateEngineRegistration(String engineBean, String widgetsBean, boolean enabled) {
        this.engineBean = engineBean;
        this.widgetsBean = widgetsBean;
        this.enabled = enabled;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    private RecommendationWidgets widgets() {
        RecommendationWidgets value = widgets;
        if (value == null) {
            value = beanFactory.getBean(widgetsBean, RecommendationWidgets.class);
            widgets = value;
        }
        return value;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (beanName.equals(engineBean) && bean instanceof TemplateEngine) {
            TemplateEngine engine = (TemplateEngine) bean;
            engine.addDialect(new ShelfwiseDialect(this::widgets, enabled));
            engine.addTemplateResolver(templateResolver());
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean;
    }

    static ClassLoaderTemplateResolver templateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(TEMPLATE_PREFIX);
        resolver.setSuffix(".html");
        resolver.setTemplateMode("HTML5");
        resolver.setCharacterEncoding("UTF-8");
        resolver.setOrder(TEMPLATE_ORDER);
        resolver.setResolvablePatterns(java.util.Collections.singleton("shelfwise/*"));
        return resolver;
    }
}

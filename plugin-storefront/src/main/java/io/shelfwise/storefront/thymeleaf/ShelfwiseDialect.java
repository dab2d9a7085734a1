package io.shelfwise.storefront.thymeleaf;

import io.shelfwise.storefront.RecommendationWidgets;
import java.util.function.Supplier;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.processor.IProcessor;

import java.util.Collections;
import java.util.Set;

/**
 * The {@code shelfwise:} dialect of a store's templates: {@code <shelfwise:recommendations placement="..."/>}.
 * Registered on Broadleaf's template engine by {@link TemplateEngineRegistration}.
 */
public final class ShelfwiseDialect extends AbstractDialect {

    public static final String PREFIX = "shelfwise";

    private final Supplier<RecommendationWidgets> widgets;
    private final boolean enabled;

    /** @param enabled false: every widget element renders as nothing */
    public ShelfwiseDialect(Supplier<RecommendationWidgets> widgets, boolean enabled) {
        this.widgets = widgets;
        this.enabled = enabled;
    }

    @Override
    public String getPrefix() {
        return PREFIX;
    }

    @Override
    public Set<IProcessor> getProcessors() {
        return Collections.<IProcessor>singleton(new RecommendationsElementProcessor(widgets, enabled));
    }
}

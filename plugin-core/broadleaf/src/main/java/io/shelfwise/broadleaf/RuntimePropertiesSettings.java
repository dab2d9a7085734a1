package io.shelfwise.broadleaf;

import io.shelfwise.settings.ShelfwiseSettings;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;

/**
 * The bean {@code shelfwiseSettings}: every {@code shelfwise.*} property read once from the store's runtime
 * properties (whatever Broadleaf's property configurer resolves {@code ${...}} from) and checked. A value that
 * breaks its rule stops the application context with a message naming each such property and what it must be.
 */
public final class RuntimePropertiesSettings implements FactoryBean<ShelfwiseSettings>, BeanFactoryAware {

    private ConfigurableBeanFactory beanFactory;
    private ShelfwiseSettings settings;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableBeanFactory) beanFactory;
    }

    @Override
    public synchronized ShelfwiseSettings getObject() {
        if (settings == null) {
            settings = ShelfwiseSettings.from(key -> beanFactory.resolveEmbeddedValue("${" + key + ":}"));
        }
        return settings;
    }

    @Override
    public Class<?> getObjectType() {
        return ShelfwiseSettings.class;
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}

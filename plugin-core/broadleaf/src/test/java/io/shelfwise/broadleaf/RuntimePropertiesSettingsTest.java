package io.shelfwise.broadleaf;

import io.shelfwise.settings.InvalidSettingsException;
import io.shelfwise.settings.ShelfwiseSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.PropertyPlaceholderHelper;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bean shelfwiseSettings reads the properties the way the Spring files' placeholders do (through the bean
 * factory's embedded value resolver, which Broadleaf's property configurer installs), defaults included.
 */
class RuntimePropertiesSettingsTest {

    @Test
    void readsWhatTheStoreSetAndDefaultsTheRest() {
        Properties store = new Properties();
        store.setProperty("shelfwise.capture.batch.size", "250");
        store.setProperty("shelfwise.demo.data.dir", "/var/shop");
        store.setProperty("shelfwise.models.dir", "${shelfwise.demo.data.dir}/models");

        ShelfwiseSettings settings = settings(store);

        assertThat(settings.get("shelfwise.capture.batch.size")).isEqualTo("250");
        assertThat(settings.get("shelfwise.models.dir")).as("placeholders inside values resolve")
                .isEqualTo("/var/shop/models");
        assertThat(settings.get("shelfwise.capture.queue.capacity")).isEqualTo("20000");
    }

    @Test
    void aValueThatBreaksItsRuleStopsTheStartNamingIt() {
        Properties store = new Properties();
        store.setProperty("shelfwise.serving.cache.ttl.seconds", "five minutes");

        assertThatThrownBy(() -> settings(store)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("shelfwise.serving.cache.ttl.seconds=five minutes: it is not a whole number; "
                        + "it must be a whole number from 0 to 604800 (default 300)");
    }

    private static ShelfwiseSettings settings(Properties store) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", ":", false);
        beans.addEmbeddedValueResolver(value -> placeholders.replacePlaceholders(value, store));
        RuntimePropertiesSettings factory = new RuntimePropertiesSettings();
        factory.setBeanFactory(beans);
        return factory.getObject();
    }
}

package io.shelfwise.broadleaf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.core.io.ClassPathResource;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the Spring files a store merges in (without a container) and checks that every factory method they name
 * exists with that many arguments, and that every referenced Shelfwise bean is defined: the wiring errors a store
 * would otherwise only meet at boot.
 */
class ApplicationContextXmlTest {

    @Test
    void everyFactoryMethodAndShelfwiseReferenceResolves() throws Exception {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(beans);
        reader.loadBeanDefinitions(new ClassPathResource("bl-shelfwise-applicationContext.xml"));
        reader.loadBeanDefinitions(new ClassPathResource("bl-shelfwise-training-applicationContext.xml"));
        List<String> problems = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            BeanDefinition bean = beans.getBeanDefinition(name);
            for (Object arg : bean.getConstructorArgumentValues().getGenericArgumentValues()) {
                Object value = ((org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder) arg)
                        .getValue();
                if (value instanceof org.springframework.beans.factory.config.RuntimeBeanReference) {
                    String ref = ((org.springframework.beans.factory.config.RuntimeBeanReference) value).getBeanName();
                    if (ref.startsWith("shelfwise") && !beans.containsBean(ref) && !beans.isAlias(ref)) {
                        problems.add(name + " refers to undefined " + ref);
                    }
                }
            }
            if (bean.getFactoryMethodName() == null || bean.getBeanClassName() == null
                    || !bean.getBeanClassName().startsWith("io.shelfwise")) {
                continue;
            }
            int args = bean.getConstructorArgumentValues().getArgumentCount();
            boolean found = false;
            for (Method method : Class.forName(bean.getBeanClassName()).getMethods()) {
                if (method.getName().equals(bean.getFactoryMethodName()) && Modifier.isStatic(method.getModifiers())
                        && method.getParameterCount() == args) {
                    found = true;
                }
            }
            if (!found) {
                problems.add(name + ": no static " + bean.getBeanClassName() + "." + bean.getFactoryMethodName()
                        + " with " + args + " arguments");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(beans.getBeanDefinitionNames()).contains("shelfwisePlacementTuning", "shelfwiseModelUpload",
                "shelfwiseHealthMonitor", "shelfwisePlacementSettingsSync", "shelfwiseRecommender");
    }
}

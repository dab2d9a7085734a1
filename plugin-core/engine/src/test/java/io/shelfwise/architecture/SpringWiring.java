package io.shelfwise.architecture;

import org.w3c.dom.Document;
import io.shelfwise.settings.ShelfwiseSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * Checks the plugin's Spring files without starting Spring: every {@code constructor-arg} of a Shelfwise bean
 * names its parameter ({@code name="..."}, never a position), and names one the constructor or factory method
 * has, with one argument for each parameter; every {@code shelfwise.*} value is read from the bean
 * {@code shelfwiseSettings} by a key it defines. A swapped or misspelt name is caught here, in milliseconds, rather
 * than by a store that fails to start. Test fixture: each module runs it over its own files.
 */
public final class SpringWiring {

    private static final String BEANS = "http://www.springframework.org/schema/beans";
    private static final Pattern SETTING = Pattern.compile("shelfwiseSettings\\.get\\('([^']*)'\\)");

    private SpringWiring() {
    }

    /** What is wrong with the Shelfwise beans of the class-path resource {@code file}; empty when nothing. */
    public static List<String> problems(String file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document;
        try (InputStream in = SpringWiring.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("No " + file + " on the class path");
            }
            document = factory.newDocumentBuilder().parse(in);
        }
        List<String> problems = new ArrayList<>();
        NodeList beans = document.getElementsByTagNameNS(BEANS, "bean");
        for (int i = 0; i < beans.getLength(); i++) {
            check((Element) beans.item(i), file, problems);
        }
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            checkSettings((Element) all.item(i), file, problems);
        }
        return problems;
    }

    private static void check(Element bean, String file, List<String> problems) throws ClassNotFoundException {
        String type = bean.getAttribute("class");
        List<Element> args = constructorArgs(bean);
        if (!type.startsWith("io.shelfwise.") || args.isEmpty() || !bean.getAttribute("factory-bean").isEmpty()) {
            return;
        }
        String factoryMethod = bean.getAttribute("factory-method");
        String what = file + ": " + (bean.getAttribute("id").isEmpty() ? type : bean.getAttribute("id"));
        Executable target = target(Class.forName(type), factoryMethod, args.size());
        if (target == null) {
            problems.add(what + ": " + type + " has no single " + (factoryMethod.isEmpty() ? "constructor"
                    : "method " + factoryMethod) + " of " + args.size() + " parameters");
            return;
        }
        Parameter[] parameters = target.getParameters();
        List<String> named = new ArrayList<>();
        for (Element arg : args) {
            String name = arg.getAttribute("name");
            if (name.isEmpty()) {
                problems.add(what + ": a constructor-arg without a name (wire by name, not by position)");
            } else if (named.contains(name)) {
                problems.add(what + ": '" + name + "' is given twice");
            } else {
                named.add(name);
            }
        }
        for (Parameter parameter : parameters) {
            if (!parameter.isNamePresent()) {
                problems.add(what + ": " + target + " was compiled without parameter names");
                return;
            }
            if (!named.remove(parameter.getName())) {
                problems.add(what + ": parameter '" + parameter.getName() + "' of " + target.getName()
                        + " is not given");
            }
        }
        for (String unknown : named) {
            problems.add(what + ": '" + unknown + "' is not a parameter of " + target.getName());
        }
    }

    /** Values of {@code shelfwise.*} properties come from the bean shelfwiseSettings, by a key it has. */
    private static void checkSettings(Element element, String file, List<String> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String value = attributes.item(i).getNodeValue();
            // shelfwise.demo.* are the demo store's own properties, not the plugin's
            if (value.contains("${shelfwise.") && !value.contains("${shelfwise.demo.")) {
                problems.add(file + ": " + value + ": read shelfwise.* properties from the bean shelfwiseSettings "
                        + "(#{shelfwiseSettings.get('key')}), where they are documented and checked");
            }
            Matcher key = SETTING.matcher(value);
            while (key.find()) {
                try {
                    ShelfwiseSettings.defaults().get(key.group(1));
                } catch (IllegalArgumentException e) {
                    problems.add(file + ": " + value + ": no setting '" + key.group(1) + "' in ShelfwiseSettings.ALL");
                }
            }
        }
    }

    private static Executable target(Class<?> type, String factoryMethod, int arity) {
        List<Executable> candidates = new ArrayList<>();
        if (factoryMethod.isEmpty()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (c.getParameterCount() == arity) {
                    candidates.add(c);
                }
            }
        } else {
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(factoryMethod) && m.getParameterCount() == arity) {
                    candidates.add(m);
                }
            }
        }
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static List<Element> constructorArgs(Element bean) {
        List<Element> args = new ArrayList<>();
        for (Node child = bean.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && "constructor-arg".equals(child.getLocalName())) {
                args.add((Element) child);
            }
        }
        return args;
    }
}

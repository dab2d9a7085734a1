package io.shelfwise.admin.web;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers the module's URLs ({@code /shelfwise/**}) that none of its own controllers handles. Broadleaf's generic
 * entity controllers map any {@code /{section}/{id}} path, so a GET on an action such as {@code /shelfwise/models/train}
 * (which only takes POST) used to reach one of them and fail with a server error. Such a request gets 405 with an
 * {@code Allow} header when one of the module's controllers takes the same URL with another method, and 404
 * otherwise; the module's own handlers and its static assets pass. Thread-safe once the context is refreshed.
 */
public final class ForeignHandlerRejection extends HandlerInterceptorAdapter implements ApplicationContextAware {

    private static final String OURS = "io.shelfwise.";
    private ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
        this.context = applicationContext;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (handler instanceof ResourceHttpRequestHandler || isOurs(handler)) {
            return true;
        }
        Set<String> allowed = methodsOfOurs(request);
        if (allowed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "The Recommendations module has no such page.");
        } else {
            response.setHeader("Allow", String.join(", ", allowed));
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "This address takes "
                    + String.join(" or ", allowed) + " only" + (allowed.contains("POST") && !allowed.contains("GET")
                    ? ": it is an action, started by a button on the module's pages." : "."));
        }
        return false;
    }

    private static boolean isOurs(Object handler) {
        return handler instanceof HandlerMethod
                && ((HandlerMethod) handler).getBeanType().getName().startsWith(OURS);
    }

    /** The methods the module's own mappings take for this request's path. */
    private Set<String> methodsOfOurs(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        if (context == null) {
            return methods;
        }
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                if (!isOurs(entry.getValue())
                        || entry.getKey().getPatternsCondition().getMatchingCondition(request) == null) {
                    continue;
                }
                Set<RequestMethod> declared = entry.getKey().getMethodsCondition().getMethods();
                if (declared.isEmpty()) {
                    methods.add("GET");
                    methods.add("POST");
                }
                for (RequestMethod method : declared) {
                    methods.add(method.name());
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }
}

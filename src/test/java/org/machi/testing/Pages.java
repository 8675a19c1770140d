package org.machi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTML page the application maps, found from its request mappings, so that a new page is
 * checked without anyone remembering to add it. A page whose path has variables needs an example
 * address; without one, {@link #all} fails and says which.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param examples example addresses for pages whose paths have variables: pattern → address
     */
    public static List<String> all(RequestMappingHandlerMapping mapping, Map<String, String> examples) {
        var pages = new TreeSet<String>();
        var missingExamples = new ArrayList<String>();
        mapping.getHandlerMethods().forEach((info, method) -> {
            if (!isHtmlPage(info, method)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.contains("{")) {
                    pages.add(pattern);
                } else if (examples.containsKey(pattern)) {
                    pages.add(examples.get(pattern));
                } else {
                    missingExamples.add(pattern);
                }
            }
        });
        if (!missingExamples.isEmpty()) {
            throw new IllegalStateException("Give an example address for " + missingExamples);
        }
        return List.copyOf(pages);
    }

    private static boolean isHtmlPage(RequestMappingInfo info, HandlerMethod method) {
        var methods = info.getMethodsCondition().getMethods();
        boolean get = methods.isEmpty() || methods.contains(RequestMethod.GET);
        boolean body = AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                || method.hasMethodAnnotation(ResponseBody.class);
        boolean download = method.isVoid(); // writes the response itself (an export), not a page
        return get && !body && !download && !BasicErrorController.class.isAssignableFrom(method.getBeanType());
    }
}

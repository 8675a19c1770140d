package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A request to public read-only data (feeds, CAP, the JSON API) with a method that no controller
 * answers there, such as {@code POST /api/v1/alerts}. Such a request changes nothing, so it is let
 * through without a CSRF token or a sign-in, and the application answers 405 Method Not Allowed
 * (problem details on the API) rather than a CSRF refusal or the sign-in page. A method a
 * controller does answer never matches: it stays under the other rules.
 */
class UnansweredMethods implements RequestMatcher {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final RequestMappingHandlerMapping controllers;
    private final List<RequestMatcher> readOnlyPaths;

    UnansweredMethods(RequestMappingHandlerMapping controllers, List<String> readOnlyPaths) {
        this.controllers = controllers;
        this.readOnlyPaths = readOnlyPaths.stream()
                .<RequestMatcher>map(path -> PathPatternRequestMatcher.withDefaults().matcher(path)).toList();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (READS.contains(request.getMethod()) || readOnlyPaths.stream().noneMatch(path -> path.matches(request))) {
            return false;
        }
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            controllers.getHandler(request);
            return false;
        } catch (HttpRequestMethodNotSupportedException answeredWithOtherMethodsOnly) {
            return true;
        } catch (Exception anythingElse) {
            return false;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
        }
    }
}

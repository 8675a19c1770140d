package org.machi.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule: a path that no controller handles is let through so that it ends in the 404 page
 * (or a public static file); a path a controller handles but no rule names is refused. So a new
 * endpoint without a rule is closed, and a mistyped address still says "not found".
 */
class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

    private final RequestMappingHandlerMapping controllers;

    UnmappedPaths(RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(!handledByAController(context.getRequest()));
    }

    private boolean handledByAController(HttpServletRequest request) {
        Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = controllers.getHandler(request);
            return chain != null;
        } catch (Exception mappedForAnotherMethodOrMediaType) {
            return true;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, previous);
        }
    }
}

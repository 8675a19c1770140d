package org.machi.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query or form that is not valid UTF-8 (or has too many parameters) is answered 400 with the
 * translated error page (an upload over the multipart size limits: 413) and one line in the log, before any other code reads a parameter and
 * fails with a stack trace. The line names the path, never the parameters (they may be personal).
 */
@Component
@Order(MalformedParameters.ORDER)
class MalformedParameters extends OncePerRequestFilter {

    /** Right after the character encoding is set (a form read before it would be decoded as ISO-8859-1). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final Logger log = LoggerFactory.getLogger(MalformedParameters.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (InvalidParameterException malformed) {
            if (malformed.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                // an upload over spring.servlet.multipart's limits: 413, and the error page must not read the body again
                log.info("Refused a request to {} larger than the upload limits", request.getRequestURI());
                request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, malformed);
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            log.warn("Refused a request to {} with parameters that cannot be read: {}", request.getRequestURI(),
                    malformed.getClass().getSimpleName());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}

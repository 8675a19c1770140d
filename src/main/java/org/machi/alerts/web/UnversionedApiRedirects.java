package org.machi.alerts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API's addresses before it was versioned answer 308 Permanent Redirect to the same
 * address under {@code /api/v1}, query string kept, so that integrations written against them go
 * on working and learn the new address.
 */
@RestController
class UnversionedApiRedirects {

    private static final String UNVERSIONED = "/api";
    private static final String VERSIONED = "/api/v1";

    @GetMapping({"/api/alerts", "/api/alerts/{id}", "/api/notices", "/api/notices/{id}"})
    ResponseEntity<Void> moved(HttpServletRequest request) {
        String context = request.getContextPath();
        String rest = request.getRequestURI().substring(context.length() + UNVERSIONED.length());
        String query = request.getQueryString();
        // raw path and query, as the client sent them: nothing is decoded and encoded again
        return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                .header(HttpHeaders.LOCATION, context + VERSIONED + rest + (query == null ? "" : "?" + query))
                .build();
    }
}

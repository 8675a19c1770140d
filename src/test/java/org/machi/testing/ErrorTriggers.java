package org.machi.testing;

import jakarta.servlet.http.HttpServletResponse;
import org.machi.shared.PublicPaths;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Test-only pages that fail on purpose, so that the 403 and 500 error pages can be seen. */
@TestConfiguration(proxyBeanMethods = false)
public class ErrorTriggers {

    public static final String FORBIDDEN = "/test-errors/forbidden";
    public static final String BROKEN = "/test-errors/broken";
    public static final String BAD_REQUEST = "/test-errors/bad-request";
    /** A JSON API address that fails on purpose, so that the API's 500 problem details can be seen. */
    public static final String API_BROKEN = "/api/test-errors/broken";
    /** A header the triggers set, so that an authorization test can tell "reached, then failed" from "refused". */
    public static final String REACHED = "X-Test-Handler-Reached";

    @Bean
    PublicPaths errorTriggerPaths() {
        return PublicPaths.of("/test-errors/**", API_BROKEN);
    }

    @Controller
    static class Triggers {

        @GetMapping(FORBIDDEN)
        String forbidden(HttpServletResponse response) {
            response.setHeader(REACHED, "yes");
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }

        @GetMapping(BAD_REQUEST)
        String badRequest() {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }

        @GetMapping(BROKEN)
        String broken() {
            throw new IllegalStateException("a fault on purpose, to show the 500 page");
        }
    }

    @RestController
    static class ApiTriggers {

        @GetMapping(API_BROKEN)
        String broken() {
            throw new IllegalStateException("a fault on purpose, to show the API's 500 problem");
        }
    }
}

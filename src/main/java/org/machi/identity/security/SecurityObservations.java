package org.machi.identity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes sign-ins (their counts and times are in the metrics), but not every
 * request and every access decision: wrapping each of its filters in an observation cost public
 * pages a large share of their time under load (issue 11), for metrics the web server's own
 * request timings already give.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }
}

package org.machi.procedures.lifeevents.web;

import org.machi.shared.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The questionnaire is public: it asks for nothing that identifies anyone, stores nothing, and is
 * answered by GET so a plan can be bookmarked, shared and served from the page cache.
 */
@Configuration(proxyBeanMethods = false)
class LifeEventsWebConfiguration {

    @Bean
    PublicPaths lifeEventsPublicPaths() {
        return PublicPaths.of("/procedures/life-events", "/procedures/life-events/*", "/procedures/life-events/*/plan");
    }
}

package org.machi.procedures.web;

import org.machi.shared.PublicPaths;
import org.machi.shared.ServiceLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's public pages and API, and its place on the home page: after emergency information, residents' second need. */
@Configuration(proxyBeanMethods = false)
class ProceduresWebConfiguration {

    @Bean
    PublicPaths proceduresPublicPaths() {
        return PublicPaths.of("/procedures", "/procedures/*", "/api/v1/procedures", "/api/v1/procedures/*")
                .readableFromOtherOrigins("/api/v1/procedures", "/api/v1/procedures/*");
    }

    @Bean
    ServiceLink proceduresService() {
        return new ServiceLink("/procedures", "procedures.title", "procedures.summary", 12);
    }
}

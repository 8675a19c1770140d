package org.machi.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services the shell itself offers on the home page, and its public paths. */
@Configuration(proxyBeanMethods = false)
class ShellServices {

    @Bean
    PublicPaths shellPublicPaths() {
        return PublicPaths.of("/", "/districts", "/accessibility", "/css/**", "/favicon.svg", "/error", "/livez", "/readyz");
    }

    @Bean
    ServiceLink districtsService() {
        return new ServiceLink("/districts", "districts.title", "districts.summary", 900);
    }
}

package org.machi.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services the shell itself offers on the home page. */
@Configuration(proxyBeanMethods = false)
class ShellServices {

    @Bean
    ServiceLink districtsService() {
        return new ServiceLink("/districts", "districts.title", "districts.summary", 900);
    }
}

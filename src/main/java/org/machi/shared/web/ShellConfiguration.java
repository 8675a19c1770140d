package org.machi.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ShellConfiguration implements WebMvcConfigurer {

    private final DisplayPreferences preferences = new DisplayPreferences();

    /** Named {@code localeResolver} so that DispatcherServlet resolves every request's language with it. */
    @Bean
    DisplayPreferences localeResolver() {
        return preferences;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(preferences);
    }
}

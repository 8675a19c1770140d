package org.machi.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import java.time.Duration;
import java.util.List;
import org.machi.shared.CityProfile;
import org.machi.shared.SharedPages;
import org.machi.shared.SharedProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ShellConfiguration implements WebMvcConfigurer {

    private final DisplayPreferences preferences = new DisplayPreferences();
    private final SharedPageCache sharedPages;

    ShellConfiguration(SharedProperties properties) {
        this.sharedPages = new SharedPageCache(preferences, properties.pages().sharedFor(), properties.pages().sharedBytes());
    }

    /** Named {@code localeResolver} so that DispatcherServlet resolves every request's language with it. */
    @Bean
    DisplayPreferences localeResolver() {
        return preferences;
    }

    /**
     * Replaces the error report valve Boot puts on the host (it runs at order 0, this after it), so
     * that what Tomcat refuses on its own is answered in the reader's language too.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> shellErrorReports(MessageSource messages, CityProfile city,
                                                                           ObjectProvider<ResourceUrlProvider> assetLinks) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // the host adds a valve of this class at its start unless one is there already
            host.setErrorReportValveClass(ShellErrorReportValve.class.getName());
            host.getPipeline().addValve(new ShellErrorReportValve(messages, city, preferences, path -> {
                String fingerprinted = assetLinks.getObject().getForLookupPath(path);
                return fingerprinted == null ? path : fingerprinted;
            }));
        });
    }

    @Bean
    SharedPages sharedPages() {
        return sharedPages;
    }

    /** After Spring Security (its filter chain runs at -100), so that every rule and header still applies. */
    @Bean
    FilterRegistrationBean<SharedPageCache> sharedPageCache() {
        var registration = new FilterRegistrationBean<>(sharedPages);
        registration.setOrder(-90);
        return registration;
    }

    /**
     * Style sheets and scripts are addressed by their content's hash ({@code machi-<md5>.css}, the
     * links written by templates carry it), so browsers may keep them for a year and still get a
     * new file the moment it changes. The other static files (the favicon, the push worker, whose
     * address must not change) keep Boot's handler and its shorter lifetime.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : List.of("css", "js")) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /** Rewrites {@code @{/css/machi.css}} in templates to the fingerprinted address. */
    @Bean
    FilterRegistrationBean<AssetLinks> fingerprintedLinks(ObjectProvider<ResourceUrlProvider> assetLinks) {
        return new FilterRegistrationBean<>(new AssetLinks(assetLinks));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(preferences);
        registry.addInterceptor(sharedPages.marker());
    }
}

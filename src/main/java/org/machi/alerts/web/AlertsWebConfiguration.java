package org.machi.alerts.web;

import org.machi.shared.PublicPaths;
import org.machi.shared.ServiceLink;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/** The alerts module's public pages and their place on the home page (first: residents' top need, then daily news). */
@Configuration(proxyBeanMethods = false)
class AlertsWebConfiguration {

    /**
     * Feeds, CAP documents and the JSON API carry an ETag of their bytes, so that an aggregator
     * polling every few seconds gets 304 Not Modified until something changes.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> feedEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("*.atom", "*.xml", "/api/*");
        return registration;
    }

    @Bean
    PublicPaths alertsPublicPaths() {
        return PublicPaths.of("/alerts", "/alerts/**", "/api/alerts", "/api/alerts/**", "/js/alert-progress.js",
                        "/notices", "/notices/**", "/api/notices", "/api/notices/**", "/js/push.js", "/push-worker.js",
                        "/api/v1/alerts", "/api/v1/alerts/**", "/api/v1/notices", "/api/v1/notices/**")
                .withForms("/alerts/subscribe", "/alerts/subscribe/confirm", "/alerts/push", "/alerts/push/end")
                .withOneClick("/alerts/unsubscribe/*")
                .readableFromOtherOrigins("/alerts/feed.atom", "/alerts/*/cap.xml", "/api/alerts", "/api/alerts/*",
                        "/notices/feed.atom", "/notices/categories/*/feed.atom", "/api/notices", "/api/notices/*",
                        "/api/v1/alerts", "/api/v1/alerts/*", "/api/v1/notices", "/api/v1/notices/*");
    }

    @Bean
    ServiceLink alertsService() {
        return new ServiceLink("/alerts", "alerts.title", "alerts.summary", 10);
    }

    @Bean
    ServiceLink noticesService() {
        return new ServiceLink("/notices", "notices.title", "notices.summary", 15);
    }

    @Bean
    ServiceLink alertSubscriptionService() {
        return new ServiceLink("/alerts/subscribe", "subscribe.title", "subscribe.summary", 20);
    }
}

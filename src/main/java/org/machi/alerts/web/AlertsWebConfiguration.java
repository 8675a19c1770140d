package org.machi.alerts.web;

import org.machi.shared.PublicPaths;
import org.machi.shared.ServiceLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alerts module's public pages and their place on the home page (first: residents' top need, then daily news). */
@Configuration(proxyBeanMethods = false)
class AlertsWebConfiguration {

    @Bean
    PublicPaths alertsPublicPaths() {
        return PublicPaths.of("/alerts", "/alerts/**", "/api/alerts", "/api/alerts/**", "/js/alert-progress.js",
                        "/notices", "/notices/**", "/api/notices", "/api/notices/**", "/js/push.js", "/push-worker.js")
                .withForms("/alerts/subscribe", "/alerts/subscribe/confirm", "/alerts/push", "/alerts/push/end")
                .withOneClick("/alerts/unsubscribe/*");
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

package org.machi.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.machi.shared.CityProfile;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

    /**
     * Replaces the error report valve Boot puts on the host (it runs at order 0, this after it), so
     * that what Tomcat refuses on its own is answered in the reader's language too.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> shellErrorReports(MessageSource messages, CityProfile city) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // the host adds a valve of this class at its start unless one is there already
            host.setErrorReportValveClass(ShellErrorReportValve.class.getName());
            host.getPipeline().addValve(new ShellErrorReportValve(messages, city, preferences));
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(preferences);
    }
}

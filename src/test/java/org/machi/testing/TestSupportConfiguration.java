package org.machi.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.machi.identity.account.Accounts;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /** A real SMTP server in the test JVM; the application sends to it over SMTP. */
    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar smtpPort(GreenMail greenMail) {
        return registry -> registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    }

    /** A real OpenID Connect provider in the test JVM, standing in for the card-reading authentication app. */
    @Bean(destroyMethod = "shutdown")
    MockOAuth2Server cardProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start(0);
        return server;
    }

    @Bean
    DynamicPropertyRegistrar cardProviderIssuer(MockOAuth2Server cardProvider) {
        return registry -> registry.add("spring.security.oauth2.client.provider.mynumber.issuer-uri",
                () -> cardProvider.issuerUrl("mynumber").toString());
    }

    @Bean
    TestAccounts testAccounts(Accounts accounts, PasswordEncoder encoder, TestClock clock) {
        return new TestAccounts(accounts, encoder, clock);
    }
}

package org.machi.testing;

import org.machi.identity.account.Accounts;
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

    @Bean
    TestAccounts testAccounts(Accounts accounts, PasswordEncoder encoder, TestClock clock) {
        return new TestAccounts(accounts, encoder, clock);
    }
}

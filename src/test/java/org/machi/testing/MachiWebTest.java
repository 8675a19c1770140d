package org.machi.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.machi.alerts.web.StaffAlertForms;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded database, served on a random port (management on another),
 * with MockMvc. Every test class that uses exactly this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // every test signs in from 127.0.0.1; the per-account limit is what the throttle test checks
        "machi.identity.throttle.attempts-per-address=100000",
        "machi.alerts.subscribe.requests-per-address=100000",
        "machi.data-dir=target/test-data/web",
        "spring.mail.host=127.0.0.1",
        "machi.base-url=http://machi.test",
        // the procedures' test forms (src/test/resources), not the city's real ones
        "machi.procedures.forms=classpath:procedures/forms-test/",
        // webhook receivers in tests listen on this machine over plain http
        "machi.alerts.webhooks.allow-http-localhost=true",
        // the local stand-in for a browser push service (PushService)
        "machi.alerts.push.allowed-hosts=localhost",
        // browser subscriptions per client address: WebPushTests reaches it from an address of its own;
        // all other tests together subscribe far fewer browsers from 127.0.0.1
        "machi.alerts.push.subscriptions-per-client=50",
        "machi.identity.passkeys.allowed-origins=http://localhost:${local.server.port}",
        "spring.security.oauth2.client.registration.mynumber.provider=mynumber",
        "spring.security.oauth2.client.registration.mynumber.client-id=machi-test",
        "spring.security.oauth2.client.registration.mynumber.client-secret=test-secret",
        "spring.security.oauth2.client.registration.mynumber.scope=openid",
        "spring.datasource.url=jdbc:h2:mem:machi-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
})
@AutoConfigureMockMvc
@Import({ErrorTriggers.class, TestSupportConfiguration.class, StaffAlertForms.class})
public @interface MachiWebTest {
}

package org.machi.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL server, as production runs it (the postgres profile).
 * Test classes that extend this share one Spring context; mark them {@link RequiresPostgres} too.
 * This node does not deliver alerts by itself, so that tests can run delivery workers as they need.
 * Its keysets are kept in the database, as on several nodes.
 */
@SpringBootTest(properties = {
        "management.server.port=-1",
        "machi.data-dir=target/test-data/postgres",
        "machi.base-url=http://machi.test",
        // the procedures' test forms (src/test/resources), not the city's real ones
        "machi.procedures.forms=classpath:procedures/forms-test/",
        "machi.alerts.delivery.enabled=false",
        "machi.alerts.webhooks.allow-http-localhost=true",
        "machi.crypto.key-encryption-key=" + TestPostgres.KEY_ENCRYPTION_KEY,
        // the local stand-in for a browser push service (PushService)
        "machi.alerts.push.allowed-hosts=localhost",
        "machi.alerts.push.subscriptions-per-client=100000"})
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
public abstract class OnPostgres {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::freshDatabaseUrl);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }
}

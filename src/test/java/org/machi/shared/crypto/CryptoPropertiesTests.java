package org.machi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machi.shared.SharedProperties;
import org.machi.testing.BoundSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The keys' settings come from the environment variables operators are told to use, and never show in text. */
class CryptoPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CryptoProperties.class)
    static class Settings {
    }

    private static final String KEK = "c2VjcmV0LWtleS1lbmNyeXB0aW9uLWtleS0zMmJ5dGVz";

    @Test
    void theDocumentedEnvironmentVariablesAreRead() {
        Map<String, Object> variables = Map.of("MACHI_CRYPTO_KEY_ENCRYPTION_KEY", KEK,
                "MACHI_CRYPTO_PREVIOUS_KEY_ENCRYPTION_KEY", "old-kek",
                "MACHI_CRYPTO_PERSONAL_DATA_KEYSET", "{\"personal\":1}", "MACHI_CRYPTO_LOOKUP_KEYSET", "{\"lookup\":1}",
                "MACHI_CRYPTO_AUDIT_KEYSET", "{\"audit\":1}", "MACHI_CRYPTO_PUSH_SIGNING_KEYSET", "{\"push\":1}");
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)))
                .run(context -> {
                    CryptoProperties crypto = context.getBean(CryptoProperties.class);
                    assertThat(crypto.keyEncryptionKey()).isEqualTo(KEK);
                    assertThat(crypto.previousKeyEncryptionKey()).isEqualTo("old-kek");
                    assertThat(crypto.keyset(Keysets.Kind.PERSONAL_DATA)).isEqualTo("{\"personal\":1}");
                    assertThat(crypto.keyset(Keysets.Kind.LOOKUP)).isEqualTo("{\"lookup\":1}");
                    assertThat(crypto.keyset(Keysets.Kind.AUDIT)).isEqualTo("{\"audit\":1}");
                    assertThat(crypto.keyset(Keysets.Kind.PUSH_SIGNING)).isEqualTo("{\"push\":1}");
                });
    }

    @Test
    void noneGivenIsBlankRatherThanMissing() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class).run(context -> {
            CryptoProperties crypto = context.getBean(CryptoProperties.class);
            assertThat(crypto.keyEncryptionKey()).isEmpty();
            assertThat(crypto.previousKeyEncryptionKey()).isEmpty();
            for (Keysets.Kind kind : Keysets.Kind.values()) {
                assertThat(crypto.keyset(kind)).as(kind.name).isEmpty();
            }
        });
    }

    /** Neither the failure nor anything it wraps repeats a secret, so a log of the failed start holds none. */
    @Test
    void aKeysetThatCannotBeReadStopsTheStartNamingTheSettingOnly(@TempDir Path dataDir) {
        String secret = "{\"primaryKeyId\": 42, \"key\": \"c2VjcmV0LWtleXNldC1tYXRlcmlhbA\"";
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, DataProtectionConfiguration.class)
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:crypto-settings"))
                .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:crypto-settings")))
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(SharedProperties.class, () -> BoundSettings.of(SharedProperties.class,
                        "machi.base-url=https://machi.test", "machi.data-dir=" + dataDir))
                .withPropertyValues("machi.crypto.audit-keyset=" + secret)
                .run(context -> {
                    assertThat(context).hasFailed();
                    StringWriter trace = new StringWriter();
                    context.getStartupFailure().printStackTrace(new PrintWriter(trace));
                    assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                            .isInstanceOf(KeysUnavailableException.class);
                    assertThat(trace.toString()).contains("The audit keyset is not a valid Tink JSON keyset.")
                            .doesNotContain("c2VjcmV0LWtleXNldC1tYXRlcmlhbA", "primaryKeyId");
                    assertThat(((KeysUnavailableException) NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                            .action()).contains("machi.crypto.audit-keyset");
                });
    }

    @Test
    void itsTextSaysWhichAreGivenButNotWhatTheyAre() {
        CryptoProperties crypto = new CryptoProperties(KEK, "", "{\"personal\":1}", "", "", "");
        assertThat(crypto.toString()).contains("keyEncryptionKey=given", "previousKeyEncryptionKey=not given")
                .doesNotContain(KEK, "personal\"");
    }
}

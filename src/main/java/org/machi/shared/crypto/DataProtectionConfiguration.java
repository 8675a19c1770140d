package org.machi.shared.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.machi.shared.DataProtection;
import org.machi.shared.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    /** The JdbcClient comes after the database migrations, so {@code shared.keyset} exists when it is read. */
    @Bean
    KeysetSource keysetSource(@Value("${" + KeyEncryptionKey.PROPERTY + ":}") String keyEncryptionKey,
                              @Value("${" + KeyEncryptionKey.PREVIOUS_PROPERTY + ":}") String previousKeyEncryptionKey,
                              @Value("${machi.data-dir}") Path dataDir,
                              DataSource dataSource, JdbcClient jdbc, Clock clock) {
        Optional<StoredKeysets> database = keyEncryptionKey.isBlank() ? Optional.empty() : Optional.of(new StoredKeysets(jdbc,
                KeyEncryptionKey.parse(keyEncryptionKey, KeyEncryptionKey.PROPERTY),
                previousKeyEncryptionKey.isBlank() ? Optional.empty()
                        : Optional.of(KeyEncryptionKey.parse(previousKeyEncryptionKey, KeyEncryptionKey.PREVIOUS_PROPERTY)),
                clock));
        return new KeysetSource(database, sharedByNodes(dataSource), dataDir.resolve("keys"));
    }

    @Bean
    DataProtection dataProtection(KeysetSource keys,
                                  @Value("${machi.crypto.personal-data-keyset:}") String personalData,
                                  @Value("${machi.crypto.lookup-keyset:}") String lookup,
                                  @Value("${machi.crypto.audit-keyset:}") String audit) throws GeneralSecurityException {
        return new TinkDataProtection(
                keys.keyset(Keysets.Kind.PERSONAL_DATA, personalData),
                keys.keyset(Keysets.Kind.LOOKUP, lookup),
                keys.keyset(Keysets.Kind.AUDIT, audit));
    }

    /** Comes from the same source as the other keys: every node signs pushes with the same key. */
    @Bean
    SigningKey signingKey(KeysetSource keys, @Value("${machi.crypto.push-signing-keyset:}") String configured)
            throws GeneralSecurityException {
        return new TinkSigningKey(keys.keyset(Keysets.Kind.PUSH_SIGNING, configured));
    }

    /** Every database but H2 in this process (a file or in memory) can be shared by several nodes. */
    static boolean sharedByNodes(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String url = metadata.getURL().toLowerCase(Locale.ROOT);
            boolean h2 = metadata.getDatabaseProductName().equalsIgnoreCase("H2");
            return !h2 || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database to choose where keys are kept", e);
        }
    }
}

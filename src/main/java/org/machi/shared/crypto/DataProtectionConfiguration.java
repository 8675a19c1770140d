package org.machi.shared.crypto;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.machi.shared.DataProtection;
import org.machi.shared.SharedProperties;
import org.machi.shared.SigningKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    /** The JdbcClient comes after the database migrations, so {@code shared.keyset} exists when it is read. */
    @Bean
    KeysetSource keysetSource(CryptoProperties crypto, SharedProperties shared, DataSource dataSource, JdbcClient jdbc, Clock clock) {
        Optional<StoredKeysets> database = crypto.keyEncryptionKey().isBlank() ? Optional.empty() : Optional.of(new StoredKeysets(jdbc,
                KeyEncryptionKey.parse(crypto.keyEncryptionKey(), KeyEncryptionKey.PROPERTY),
                crypto.previousKeyEncryptionKey().isBlank() ? Optional.empty()
                        : Optional.of(KeyEncryptionKey.parse(crypto.previousKeyEncryptionKey(), KeyEncryptionKey.PREVIOUS_PROPERTY)),
                clock));
        return new KeysetSource(database, sharedByNodes(dataSource), shared.dataDir().resolve("keys"));
    }

    @Bean
    DataProtection dataProtection(KeysetSource keys, CryptoProperties crypto) throws GeneralSecurityException {
        return new TinkDataProtection(
                keys.keyset(Keysets.Kind.PERSONAL_DATA, crypto.keyset(Keysets.Kind.PERSONAL_DATA)),
                keys.keyset(Keysets.Kind.LOOKUP, crypto.keyset(Keysets.Kind.LOOKUP)),
                keys.keyset(Keysets.Kind.AUDIT, crypto.keyset(Keysets.Kind.AUDIT)));
    }

    /** Comes from the same source as the other keys: every node signs pushes with the same key. */
    @Bean
    SigningKey signingKey(KeysetSource keys, CryptoProperties crypto) throws GeneralSecurityException {
        return new TinkSigningKey(keys.keyset(Keysets.Kind.PUSH_SIGNING, crypto.keyset(Keysets.Kind.PUSH_SIGNING)));
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

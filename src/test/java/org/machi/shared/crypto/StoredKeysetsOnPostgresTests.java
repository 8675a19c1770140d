package org.machi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Keysets kept in PostgreSQL, wrapped with the key-encryption key, as several nodes share them. */
@RequiresPostgres
class StoredKeysetsOnPostgresTests {

    private static final String KEK = TestPostgres.KEY_ENCRYPTION_KEY;
    private static final String OTHER_KEK = Base64.getEncoder().encodeToString("another thirty-two byte key!!!!!".getBytes());

    @TempDir
    Path keys;

    String url;
    DriverManagerDataSource database;
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        url = TestPostgres.anotherDatabaseUrl();
        database = new DriverManagerDataSource(url, TestPostgres.user(), TestPostgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/shared").schemas("shared").load().migrate();
        jdbc = JdbcClient.create(database);
    }

    @Test
    void theFirstStartStoresWrappedKeysetsThatTheNextStartReads() throws Exception {
        TinkDataProtection first = protection(node(KEK, null));
        String sealed = first.seal("山田 花子", "identity.account.name");

        assertThat(jdbc.sql("SELECT kind FROM shared.keyset ORDER BY kind").query(String.class).list())
                .containsExactly("audit", "lookup", "personal-data");
        String stored = jdbc.sql("SELECT wrapped FROM shared.keyset WHERE kind = 'personal-data'").query(String.class).single();
        assertThat(stored).as("wrapped: no key material in the clear").contains("encryptedKeyset").doesNotContain("\"value\"");

        TinkDataProtection second = protection(node(KEK, null));
        assertThat(second.open(sealed, "identity.account.name")).isEqualTo("山田 花子");
        assertThat(second.lookupHash("hanako@example.jp")).isEqualTo(first.lookupHash("hanako@example.jp"));
        assertThat(keys).as("no key files on a node that keeps its keys in the database").isEmptyDirectory();
    }

    @Test
    void aNodeThatStartsWhileAnotherStoresItsKeysetUsesTheOthersKeyset() throws Exception {
        KeysetHandle othersKeyset = Keysets.generate(Keysets.Kind.LOOKUP);
        try (Connection otherNode = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password())) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement insert = otherNode.prepareStatement("""
                    INSERT INTO shared.keyset (kind, wrapped, version, created_at, wrapped_at) VALUES ('lookup', ?, 0, now(), now())""")) {
                insert.setString(1, KeyEncryptionKey.parse(KEK, "kek").wrap(othersKeyset, Keysets.Kind.LOOKUP));
                insert.executeUpdate();
            }
            // this node's insert waits for the other node's transaction, then meets its row
            CompletableFuture<KeysetHandle> thisNode = CompletableFuture.supplyAsync(() -> node(KEK, null).keyset(Keysets.Kind.LOOKUP, ""));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    .query(Long.class).single() > 0);
            otherNode.commit();

            assertThat(thisNode.get(10, TimeUnit.SECONDS).equalsKeyset(othersKeyset)).isTrue();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shared.keyset").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongKeyEncryptionKeyStopsTheStartWithoutShowingAnyKey() throws Exception {
        protection(node(KEK, null));
        String stored = jdbc.sql("SELECT wrapped FROM shared.keyset WHERE kind = 'personal-data'").query(String.class).single();

        assertThatThrownBy(() -> node(OTHER_KEK, null).keyset(Keysets.Kind.PERSONAL_DATA, ""))
                .isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("personal-data keyset in the database (shared.keyset) does not open with the configured key-encryption key")
                .satisfies(failure -> assertThat(everythingShown(failure))
                        .doesNotContain(OTHER_KEK).doesNotContain(KEK).doesNotContain(stored.substring(40, 80)));
        assertThatThrownBy(() -> KeyEncryptionKey.parse("c2hvcnQ=", KeyEncryptionKey.PROPERTY))
                .isInstanceOf(KeysUnavailableException.class)
                .hasMessage("The key-encryption key (machi.crypto.key-encryption-key) is not 32 bytes in base64.")
                .satisfies(failure -> assertThat(everythingShown(failure)).doesNotContain("c2hvcnQ="));
    }

    @Test
    void aNewKeyEncryptionKeyRewrapsTheKeysetsWhileThePreviousOneStillOpensThem() throws Exception {
        TinkDataProtection before = protection(node(KEK, null));
        String sealed = before.seal("旧データ", "c");

        TinkDataProtection rolled = protection(node(OTHER_KEK, KEK));
        assertThat(rolled.open(sealed, "c")).isEqualTo("旧データ");
        assertThat(jdbc.sql("SELECT MIN(version) FROM shared.keyset").query(Long.class).single()).as("re-wrapped").isEqualTo(1);

        assertThat(protection(node(OTHER_KEK, null)).open(sealed, "c")).as("the new key alone opens them now").isEqualTo("旧データ");
        assertThatThrownBy(() -> node(KEK, null).keyset(Keysets.Kind.PERSONAL_DATA, "")).isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void aNodeThatHadKeyFilesBringsThemIntoTheDatabase() throws Exception {
        Path dataDir = keys.resolveSibling(keys.getFileName() + "-single");
        Path files = dataDir.resolve("keys");
        TinkDataProtection alone = new TinkDataProtection(Keysets.load(Keysets.Kind.PERSONAL_DATA, null, files),
                Keysets.load(Keysets.Kind.LOOKUP, null, files), Keysets.load(Keysets.Kind.AUDIT, null, files));
        String sealed = alone.seal("以前のデータ", "c");

        new KeysetSource(Optional.of(stored(KEK, null)), true, files).keyset(Keysets.Kind.PERSONAL_DATA, "");
        assertThat(protection(node(KEK, null)).open(sealed, "c")).as("another node reads what the single node sealed")
                .isEqualTo("以前のデータ");
        assertThat(Files.exists(files.resolve("personal-data.json"))).isTrue();
    }

    @Test
    void aConfiguredKeysetWinsOverTheDatabase() throws Exception {
        String json = Keysets.generateJson(Keysets.Kind.AUDIT);
        KeysetHandle keyset = node(KEK, null).keyset(Keysets.Kind.AUDIT, json);
        assertThat(keyset.equalsKeyset(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()))).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shared.keyset").query(Long.class).single()).isZero();
    }

    @Test
    void withoutAKeyEncryptionKeyOrConfiguredKeysetsASharedDatabaseGetsNoKeys() {
        KeysetSource shared = new KeysetSource(Optional.empty(), true, keys);
        assertThatThrownBy(() -> shared.keyset(Keysets.Kind.PERSONAL_DATA, ""))
                .isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("no key-encryption key")
                .satisfies(failure -> assertThat(((KeysUnavailableException) failure).action()).contains("openssl rand -base64 32"));
        assertThat(keys).isEmptyDirectory();
        assertThat(DataProtectionConfiguration.sharedByNodes(database)).isTrue();
    }

    private KeysetSource node(String kek, String previous) {
        return new KeysetSource(Optional.of(stored(kek, previous)), true, keys);
    }

    private StoredKeysets stored(String kek, String previous) {
        return new StoredKeysets(jdbc, KeyEncryptionKey.parse(kek, KeyEncryptionKey.PROPERTY),
                Optional.ofNullable(previous).map(value -> KeyEncryptionKey.parse(value, KeyEncryptionKey.PREVIOUS_PROPERTY)),
                Clock.systemUTC());
    }

    private static TinkDataProtection protection(KeysetSource source) throws Exception {
        return new TinkDataProtection(source.keyset(Keysets.Kind.PERSONAL_DATA, ""), source.keyset(Keysets.Kind.LOOKUP, ""),
                source.keyset(Keysets.Kind.AUDIT, ""));
    }

    private static String everythingShown(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}

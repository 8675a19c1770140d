package org.machi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class TinkDataProtectionTests {

    @TempDir
    Path keys;

    @Test
    void sealsAndOpensBoundToItsContext() throws Exception {
        TinkDataProtection protection = fromFiles();
        String sealed = protection.seal("山田 花子", "identity.account.name");

        assertThat(sealed).doesNotContain("山田");
        assertThat(protection.open(sealed, "identity.account.name")).isEqualTo("山田 花子");
        assertThat(protection.seal("山田 花子", "identity.account.name")).as("randomized").isNotEqualTo(sealed);
        assertThatThrownBy(() -> protection.open(sealed, "identity.account.address"))
                .isInstanceOf(DataProtectionException.class);
    }

    @Test
    void lookupHashesAreStableAndKeyed() throws Exception {
        TinkDataProtection protection = fromFiles();
        assertThat(protection.lookupHash("hanako@example.jp")).isEqualTo(protection.lookupHash("hanako@example.jp"))
                .hasSize(64).isNotEqualTo(protection.lookupHash("taro@example.jp"));

        TinkDataProtection otherKeys = fromFiles(Files.createTempDirectory("other-keys"));
        assertThat(otherKeys.lookupHash("hanako@example.jp")).isNotEqualTo(protection.lookupHash("hanako@example.jp"));
    }

    @Test
    void generatedKeysAreKeptAcrossStartsAndReadableOnlyByTheOwner() throws Exception {
        String sealed = fromFiles().seal("secret", "c");
        assertThat(fromFiles().open(sealed, "c")).isEqualTo("secret");
        assertThat(Files.getPosixFilePermissions(keys.resolve("personal-data.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void afterKeyRotationOldDataStillOpensAndNewDataUsesTheNewKey() throws Exception {
        KeysetHandle original = KeysetHandle.generateNew(Keysets.Kind.PERSONAL_DATA.parameters);
        KeysetHandle auditKeys = KeysetHandle.generateNew(Keysets.Kind.AUDIT.parameters);
        KeysetHandle lookupKeys = KeysetHandle.generateNew(Keysets.Kind.LOOKUP.parameters);
        TinkDataProtection before = new TinkDataProtection(original, lookupKeys, auditKeys);
        String oldValue = before.seal("旧データ", "c");
        byte[] oldTag = before.tag(bytes("entry 1"));

        KeysetHandle rotated = KeysetHandle.newBuilder(original)
                .addEntry(KeysetHandle.generateEntryFromParameters(Keysets.Kind.PERSONAL_DATA.parameters).withRandomId().makePrimary())
                .build();
        KeysetHandle rotatedAudit = KeysetHandle.newBuilder(auditKeys)
                .addEntry(KeysetHandle.generateEntryFromParameters(Keysets.Kind.AUDIT.parameters).withRandomId().makePrimary())
                .build();
        TinkDataProtection after = new TinkDataProtection(rotated, lookupKeys, rotatedAudit);

        assertThat(after.open(oldValue, "c")).isEqualTo("旧データ");
        assertThat(after.verifyTag(oldTag, bytes("entry 1"))).isTrue();
        String newValue = after.seal("新データ", "c");
        assertThatThrownBy(() -> before.open(newValue, "c")).as("sealed with the new primary key")
                .isInstanceOf(DataProtectionException.class);
    }

    @Test
    void tagsDetectAnyChange() throws Exception {
        TinkDataProtection protection = fromFiles();
        byte[] tag = protection.tag(bytes("seq=1;actor=a"));
        assertThat(protection.verifyTag(tag, bytes("seq=1;actor=a"))).isTrue();
        assertThat(protection.verifyTag(tag, bytes("seq=1;actor=b"))).isFalse();
    }

    @Test
    void aConfiguredKeysetWinsOverFiles() throws Exception {
        String json = Keysets.generateJson(Keysets.Kind.LOOKUP);
        KeysetHandle configured = Keysets.load(Keysets.Kind.LOOKUP, json, keys);
        assertThat(configured.size()).isEqualTo(1);
        assertThat(keys.resolve("lookup.json")).doesNotExist();
        assertThatThrownBy(() -> Keysets.load(Keysets.Kind.LOOKUP, "{not a keyset", keys))
                .hasMessageContaining("lookup keyset is not a valid Tink JSON keyset");
    }

    @Test
    void onTheEmbeddedDatabaseKeysStayInFilesUnlessAKeyEncryptionKeyKeepsThemInTheDatabase() throws Exception {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:keysets-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/shared").schemas("shared").load().migrate();
        assertThat(DataProtectionConfiguration.sharedByNodes(h2)).as("H2 in this process serves one node").isFalse();

        StoredKeysets stored = new StoredKeysets(JdbcClient.create(h2),
                KeyEncryptionKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "kek"), Optional.empty(), Clock.systemUTC());
        KeysetHandle first = new KeysetSource(Optional.of(stored), false, keys).keyset(Keysets.Kind.AUDIT, "");
        KeysetHandle again = new KeysetSource(Optional.of(stored), false, keys).keyset(Keysets.Kind.AUDIT, "");
        assertThat(again.equalsKeyset(first)).isTrue();
        assertThat(keys.resolve("audit.json")).doesNotExist();
    }

    private TinkDataProtection fromFiles() throws GeneralSecurityException {
        return fromFiles(keys);
    }

    private static TinkDataProtection fromFiles(Path directory) throws GeneralSecurityException {
        return new TinkDataProtection(
                Keysets.load(Keysets.Kind.PERSONAL_DATA, null, directory),
                Keysets.load(Keysets.Kind.LOOKUP, null, directory),
                Keysets.load(Keysets.Kind.AUDIT, null, directory));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.machi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.machi.testing.BoundSettings;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rotating a keyset kept in the database while nodes run: a new key first becomes known to every
 * node, then primary. A node that has read the keyset after the first step opens what a node after
 * the second step seals, so that nodes restarted one by one never meet data they cannot open.
 */
@RequiresPostgres
@ExtendWith(OutputCaptureExtension.class)
class KeysetCommandsOnPostgresTests {

    @TempDir
    Path keys;

    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        DriverManagerDataSource database = new DriverManagerDataSource(TestPostgres.anotherDatabaseUrl(), TestPostgres.user(),
                TestPostgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/shared").schemas("shared").load().migrate();
        jdbc = JdbcClient.create(database);
    }

    @Test
    void aNewKeyIsAddedThenMadePrimaryAndEveryNodeOpensEverythingMeanwhile(CapturedOutput output) throws Exception {
        TinkDataProtection before = protection();
        String old = before.seal("旧データ", "c");

        KeysetCommands commands = new KeysetCommands(node(), BoundSettings.of(CryptoProperties.class));
        commands.run(new DefaultApplicationArguments("keys-add", "personal-data"));
        assertThat(commands.getExitCode()).isZero();
        Matcher added = Pattern.compile("Added key (\\d+)\\.").matcher(output.getOut());
        assertThat(added.find()).isTrue();
        String newKey = added.group(1);
        TinkDataProtection afterAdding = protection();
        assertThat(before.open(afterAdding.seal("まだ古い鍵", "c"), "c")).as("the old key is still primary").isEqualTo("まだ古い鍵");

        commands.run(new DefaultApplicationArguments("keys-make-primary", "personal-data", newKey));
        TinkDataProtection afterPromoting = protection();
        String sealedWithNewKey = afterPromoting.seal("新データ", "c");
        assertThat(afterAdding.open(sealedWithNewKey, "c")).as("a node restarted after the first step").isEqualTo("新データ");
        assertThat(afterPromoting.open(old, "c")).isEqualTo("旧データ");
        assertThatThrownBy(() -> before.open(sealedWithNewKey, "c")).isInstanceOf(DataProtectionException.class);

        commands.run(new DefaultApplicationArguments("keys-list"));
        assertThat(output.getOut()).contains("personal-data: key " + newKey + " ENABLED PRIMARY")
                .doesNotContain("\"value\"").doesNotContain(TestPostgres.KEY_ENCRYPTION_KEY);
    }

    @Test
    void keysThatMustStayTheSameAndConfiguredKeysetsAreNotChangedHere(CapturedOutput output) throws Exception {
        KeysetCommands commands = new KeysetCommands(node(),
                BoundSettings.of(CryptoProperties.class, "machi.crypto.audit-keyset=" + Keysets.generateJson(Keysets.Kind.AUDIT)));
        commands.run(new DefaultApplicationArguments("keys-add", "lookup"));
        assertThat(commands.getExitCode()).isEqualTo(2);
        assertThat(output.getOut()).contains("lookup and push-signing are never rotated");

        commands.run(new DefaultApplicationArguments("keys-add", "audit"));
        assertThat(output.getOut()).contains("The audit keyset is given in configuration");

        KeysetCommands withoutDatabaseKeys = new KeysetCommands(new KeysetSource(Optional.empty(), false, keys),
                BoundSettings.of(CryptoProperties.class));
        withoutDatabaseKeys.run(new DefaultApplicationArguments("keys-list"));
        assertThat(withoutDatabaseKeys.getExitCode()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shared.keyset WHERE kind IN ('lookup', 'audit')").query(Long.class).single()).isZero();
    }

    private KeysetSource node() {
        return new KeysetSource(Optional.of(new StoredKeysets(jdbc, KeyEncryptionKey.parse(TestPostgres.KEY_ENCRYPTION_KEY, "kek"),
                Optional.empty(), Clock.systemUTC())), true, keys);
    }

    private TinkDataProtection protection() throws Exception {
        KeysetSource source = node();
        return new TinkDataProtection(source.keyset(Keysets.Kind.PERSONAL_DATA, ""), source.keyset(Keysets.Kind.LOOKUP, ""),
                source.keyset(Keysets.Kind.AUDIT, ""));
    }
}

package org.machi.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.machi.MachiApplication;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A node on PostgreSQL with no way to share keys with the other nodes does not start. */
@RequiresPostgres
@ExtendWith(OutputCaptureExtension.class)
class KeysAtStartOnPostgresTests {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfiguredKeysetsOrAKeyEncryptionKeyANodeRefusesToStart(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MachiApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + TestPostgres.anotherDatabaseUrl(),
                        "--spring.datasource.username=" + TestPostgres.user(), "--spring.datasource.password=" + TestPostgres.password(),
                        "--machi.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--server.port=-1",
                        "--management.server.port=-1")).hasRootCauseInstanceOf(KeysUnavailableException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("no key-encryption key to keep keysets in the database")
                .contains("MACHI_CRYPTO_KEY_ENCRYPTION_KEY")
                .contains("openssl rand -base64 32");
        assertThat(dataDir.resolve("keys")).as("no keys of its own").doesNotExist();
    }

    @Test
    void aKeyEncryptionKeyThatIsNotOneStopsTheStartWithoutRepeatingIt(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(MachiApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + TestPostgres.anotherDatabaseUrl(),
                        "--spring.datasource.username=" + TestPostgres.user(), "--spring.datasource.password=" + TestPostgres.password(),
                        "--machi.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--server.port=-1",
                        "--management.server.port=-1", "--machi.crypto.key-encryption-key=hunter2-not-a-key"))
                .hasRootCauseInstanceOf(KeysUnavailableException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The key-encryption key (machi.crypto.key-encryption-key) is not 32 bytes in base64.")
                .doesNotContain("hunter2");
    }
}

package org.machi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.machi.MachiApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

    @Test
    void aPostgresqlThatDoesNotAnswerStopsTheStartWithAClearMessage(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/machi?password=secret&connectTimeout=2";

        assertThatThrownBy(() -> new SpringApplicationBuilder(MachiApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + url, "--spring.main.banner-mode=off", "--server.port=-1", "--management.server.port=-1", "--machi.data-dir=target/test-data/unreachable",
                        "--spring.datasource.hikari.connection-timeout=2000")).isNotNull();

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Machi could not connect to its database at jdbc:postgresql://127.0.0.1:" + closedPort)
                .contains("the server did not answer")
                .contains("MACHI_DB_URL")
                .doesNotContain("secret");
    }

    @Test
    void passwordsInAUrlAreNotShown() {
        assertThat(DatabaseUnreachableFailureAnalyzer.redacted("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
    }
}

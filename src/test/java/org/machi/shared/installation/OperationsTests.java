package org.machi.shared.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators' endpoints: probes on the public port, everything else only on the management port. */
@MachiWebTest
class OperationsTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void livenessAndReadinessArePublic() throws Exception {
        assertThat(get(port, "/livez")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("UP");
        });
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void readinessNeedsADatabaseThatTakesWrites() throws Exception {
        assertThat(get(port, "/readyz").body())
                .contains("\"databaseWrites\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}")
                .as("the public probe names its checks, never their details").doesNotContain("details", "H2");
    }

    @Test
    void metricsAndDetailsAreNotOnThePublicPort() throws Exception {
        assertThat(get(port, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/info").statusCode()).isEqualTo(404);
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
    }

    @Test
    void operatorsSeeHealthInfoAndMetricsOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"db\"").contains("UP");
        assertThat(get(managementPort, "/actuator/info").body())
                .contains("\"deployment\"").contains("\"code\":\"142123\"");
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A form sent with a file over the server's upload limit gets a translated 413 page that names the limits, not a 500. */
@MachiWebTest
class UploadTooLargeTests {

    @LocalServerPort
    int port;

    @Test
    void aFileOverTheLimitGetsAPageNamingTheLimits() throws Exception {
        HttpResponse<String> response = post(11 * 1024 * 1024, "ja");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("送ったファイルが大きすぎます", "ファイル1つは10 MBまで", "合計12 MBまで")
                .doesNotContain("Exception");
    }

    @Test
    void thePageIsInTheLanguageTheReaderChose() throws Exception {
        HttpResponse<String> response = post(11 * 1024 * 1024, "en");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("What you sent is too large", "up to 10 MB");
    }

    private HttpResponse<String> post(int fileBytes, String language) throws Exception {
        String boundary = "machi-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[fileBytes]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/procedures"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html").header("Cookie", "machi_lang=" + language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
        Response response = post(11 * 1024 * 1024, "ja");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("送ったファイルが大きすぎます", "ファイル1つは10 MBまで", "合計12 MBまで")
                .doesNotContain("Exception");
    }

    @Test
    void thePageIsInTheLanguageTheReaderChose() throws Exception {
        Response response = post(11 * 1024 * 1024, "en");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("What you sent is too large", "up to 10 MB");
    }

    /** A browser's form post over a connection of its own, closed at the end, so that no request outlives the test. */
    private Response post(int fileBytes, String language) throws Exception {
        String boundary = "machi-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[fileBytes]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String head = "POST /procedures HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\nCookie: machi_lang=" + language
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                body.writeTo(out);
            } catch (IOException closedEarly) {
                // the server may answer and close before the whole body is sent, as browsers allow
            }
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Response(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private record Response(int statusCode, String body) {
    }
}

package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.machi.testing.ErrorTriggers;
import org.machi.testing.MachiWebTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages go through the real servlet container's error dispatch, so they are requested over HTTP. */
@MachiWebTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTests {

    @LocalServerPort
    int port;

    private static final String CRLF = "\r\n";

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/no-such-page             | ja | 404 | ページが見つかりません",
            "/no-such-page             | en | 404 | Page not found",
            ErrorTriggers.FORBIDDEN + "| ja | 403 | このページを表示する権限がありません",
            ErrorTriggers.FORBIDDEN + "| en | 403 | You do not have permission to see this page",
            ErrorTriggers.BROKEN + "   | ja | 500 | システムエラーが発生しました",
            ErrorTriggers.BROKEN + "   | en | 500 | A system error occurred",
            ErrorTriggers.BAD_REQUEST + "| en | 400 | Your request could not be processed"})
    void errorsAreShownInTheShellInTheReadersLanguage(String path, String language, int status, String heading) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .header("Accept-Language", language)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body())
                .contains("<html lang=\"" + language + "\"")
                .contains("<h1>" + heading + "</h1>")
                .contains("href=\"#main\"")
                .doesNotContain("Exception", "a fault on purpose", "at org.");
    }

    /** Tomcat refuses these before the application sees them; the answer is still the city's, not Tomcat's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a request line over the limit | GET /alerts?q={long} HTTP/1.1|",
            "headers over the limit        | GET / HTTP/1.1                 | X-Filler: {long}",
            "a malformed request line      | GET /a\u0001b HTTP/1.1         |"})
    void whatTomcatRefusesIsAnsweredInJapaneseWithoutTomcatsPage(String what, String requestLine, String header) throws Exception {
        String filler = "a".repeat(20_000);
        String response = raw(requestLine.replace("{long}", filler) + CRLF + "Host: localhost" + CRLF
                + (header == null ? "" : header.replace("{long}", filler) + CRLF) + CRLF);

        assertThat(response).as(what).startsWith("HTTP/1.1 4");
        assertThat(response).as(what)
                .contains("<html lang=\"ja\"")
                .contains("<h1>リクエストを処理できませんでした</h1>")
                .containsPattern("href=\"/css/machi-[0-9a-f]{32}\\.css\"")
                .doesNotContain("HTTP Status", "Tomcat", "Exception");
    }

    /** Not UTF-8: a 400 in the shell, and one line in the log instead of a stack trace at ERROR. */
    @Test
    void parametersThatAreNotUtf8AreRefusedWithOneLogLine(CapturedOutput output) throws Exception {
        String response = raw("GET /alerts?q=%C3%28%FF HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Accept: text/html" + CRLF
                + "Accept-Language: ja" + CRLF + CRLF);

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).contains("<h1>リクエストを処理できませんでした</h1>").doesNotContain("Exception");
        assertThat(output.getOut()).contains("Refused a request to /alerts with parameters that cannot be read")
                .doesNotContain("MalformedInputException", "Servlet.service() for servlet");
    }

    @Test
    void whenTheHeadersWereReadTheReadersLanguageIsUsed() throws Exception {
        String response = raw("GET / HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Accept-Language: en" + CRLF
                + "X-Filler: " + "b".repeat(20_000) + CRLF + CRLF);
        assertThat(response).startsWith("HTTP/1.1 4");
        assertThat(response).contains("Your request could not be processed").doesNotContain("HTTP Status");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            try (var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                return in.lines().collect(Collectors.joining("\n"));
            }
        }
    }
}

package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.machi.testing.ErrorTriggers;
import org.machi.testing.MachiWebTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Error pages go through the real servlet container's error dispatch, so they are requested over HTTP. */
@MachiWebTest
class ErrorPagesTests {

    @LocalServerPort
    int port;

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
}

package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.publishing.AtomFeed;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Public pages, feeds, CAP and the JSON API as HTTP clients other than browsers use them: HEAD, OPTIONS, CORS, ETag. */
@MachiWebTest
class PublicReadsOverHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlertStore store;

    @Autowired
    AtomFeed atom;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void publicResourcesAnswerHeadAndOptionsInsteadOfSendingToSignIn() throws Exception {
        String drill = jdbc.sql("SELECT id FROM alerts.alert WHERE author = 'demo:alert-operator'").query(String.class).single();
        for (String path : new String[] {"/", "/alerts", "/alerts/" + drill, "/alerts/" + drill + "/cap.xml", "/alerts/feed.atom",
                "/api/alerts", "/notices", "/notices/feed.atom"}) {
            HttpResponse<Void> head = send(path, "HEAD", null);
            assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
            HttpResponse<Void> options = send(path, "OPTIONS", null);
            assertThat(options.statusCode()).as("OPTIONS " + path).isEqualTo(200);
            assertThat(options.headers().firstValue("Allow")).as("OPTIONS " + path).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        }
    }

    @Test
    void feedsAndReadApisAreReadableFromOtherOriginsAndTheirPreflightIsNotSentToSignIn() throws Exception {
        HttpResponse<Void> preflight = http.send(HttpRequest.newBuilder(uri("/alerts/feed.atom"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://aggregator.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");

        for (String path : new String[] {"/alerts/feed.atom", "/api/alerts", "/api/notices", "/notices/feed.atom"}) {
            HttpResponse<Void> read = send(path, "GET", "https://aggregator.example");
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains("*");
            assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
        }
        assertThat(send("/account", "GET", "https://aggregator.example").headers().firstValue("Access-Control-Allow-Origin"))
                .as("nothing personal is readable from another origin").isEmpty();
    }

    @Test
    void aFeedPolledAgainWithItsEtagIsNotSentAgain() throws Exception {
        for (String path : new String[] {"/alerts/feed.atom", "/notices/feed.atom", "/api/alerts"}) {
            HttpResponse<Void> first = send(path, "GET", null);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            HttpResponse<Void> again = http.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void pagesAdvertiseTheFeedsAndADrillReadsAsADrillInTheFeed() throws Exception {
        for (String path : new String[] {"/", "/alerts", "/notices"}) {
            String page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).as(path).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/alerts/feed.atom\"")
                    .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/notices/feed.atom\"");
        }
        // the demo drill may have left the feed's newest 50 in a long test run: write its entry directly
        String id = jdbc.sql("SELECT id FROM alerts.alert WHERE author = 'demo:alert-operator'").query(String.class).single();
        Alert demoDrill = store.find(UUID.fromString(id)).orElseThrow();
        String feed = atom.write(List.of(demoDrill), Instant.now());
        String drill = feed.substring(feed.indexOf("<entry>"), feed.indexOf("</entry>"));
        assertThat(drill).contains("<title>【訓練】", "<category term=\"Exercise\" label=\"訓練 / Drill\"/>");
    }

    private HttpResponse<Void> send(String path, String method, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

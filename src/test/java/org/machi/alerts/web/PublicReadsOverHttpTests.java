package org.machi.alerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.publishing.AlertStore;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.publishing.AtomFeed;
import org.machi.shared.PublicPaths;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Public pages, feeds, CAP, the JSON API and its document as HTTP clients other than browsers use
 * them: HEAD, OPTIONS, CORS, ETag, Last-Modified, the redirects of the unversioned API.
 */
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

    @Autowired
    List<PublicPaths> publicPaths;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Every address a controller answers with GET that a module declared public, with an example for
     * each path variable: pages, feeds, CAP, the JSON API (old and versioned) and the OpenAPI document.
     */
    private List<String> everyPublicRead() {
        String drill = jdbc.sql("SELECT id FROM alerts.alert WHERE author = 'demo:alert-operator'").query(String.class).single();
        String notice = jdbc.sql("SELECT id FROM alerts.notice WHERE author = 'demo:department' AND category = 'GARBAGE'")
                .query(String.class).single();
        List<PathPattern> open = publicPaths.stream().flatMap(p -> p.patterns().stream()).map(PathPatternParser.defaultInstance::parse).toList();
        Set<String> reads = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                String address = pattern.replace("{category}", "GARBAGE").replace("{token}", "unknown").replace("{slug}", "juminhyo")
                        .replace("{id}", pattern.contains("notices") ? notice : drill).replace("{stepId}", "applicant")
                        .replace("{event}", "moving").replace("{fileId}", drill);
                assertThat(address).as("an example for " + pattern).doesNotContain("{");
                boolean errorOnPurpose = address.equals("/error") || address.contains("/test-errors/");
                // a resident's own applications, under the catalog's public prefix but signed in only
                boolean ownData = address.equals("/api/v1/procedures/applications");
                if (!errorOnPurpose && !ownData && open.stream().anyMatch(p -> p.matches(PathContainer.parsePath(address)))) {
                    reads.add(address);
                }
            }
        });
        assertThat(reads).contains("/", "/alerts", "/alerts/" + drill, "/alerts/" + drill + "/cap.xml", "/alerts/feed.atom",
                "/notices", "/notices/feed.atom", "/notices/categories/GARBAGE/feed.atom", "/api/v1/alerts", "/api/v1/alerts/" + drill,
                "/api/v1/notices", "/api/v1/notices/" + notice, "/api/v1/openapi.json", "/api/alerts", "/api/notices/" + notice);
        return List.copyOf(reads);
    }

    private boolean readableFromOtherOrigins(String address) {
        return publicPaths.stream().flatMap(p -> p.readableFromOtherOrigins().stream()).map(PathPatternParser.defaultInstance::parse)
                .anyMatch(p -> p.matches(PathContainer.parsePath(address)));
    }

    @Test
    void everyPublicReadAnswersHeadAndOptionsInsteadOfSendingToSignIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : everyPublicRead()) {
            int get = send(path, "GET", null).statusCode();
            HttpResponse<Void> head = send(path, "HEAD", null);
            if (head.statusCode() != get || signIn(head)) {
                wrong.add("HEAD " + path + " answered " + head.statusCode() + " where GET answers " + get);
            }
            HttpResponse<Void> options = send(path, "OPTIONS", null);
            if (options.statusCode() != 200 || !options.headers().firstValue("Allow").orElse("").contains("GET")) {
                wrong.add("OPTIONS " + path + " answered " + options.statusCode() + " Allow " + options.headers().firstValue("Allow"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void feedsAndReadApisAreReadableFromOtherOriginsAndNoPreflightIsSentToSignIn() throws Exception {
        List<String> wrong = new ArrayList<>();
        int crossOrigin = 0;
        for (String path : everyPublicRead()) {
            HttpResponse<Void> preflight = http.send(HttpRequest.newBuilder(uri(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://aggregator.example")
                    .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.discarding());
            if (preflight.statusCode() != 200) {
                wrong.add("preflight " + path + " answered " + preflight.statusCode());
            }
            if (!readableFromOtherOrigins(path)) {
                continue;
            }
            crossOrigin++;
            if (!preflight.headers().firstValue("Access-Control-Allow-Origin").equals(java.util.Optional.of("*"))) {
                wrong.add("preflight " + path + " allows no origin");
            }
            HttpResponse<Void> read = send(path, "GET", "https://aggregator.example");
            if (!read.headers().firstValue("Access-Control-Allow-Origin").equals(java.util.Optional.of("*"))
                    || read.headers().firstValue("Access-Control-Allow-Credentials").isPresent()) {
                wrong.add("GET " + path + " from another origin: " + read.statusCode() + " " + read.headers().map());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(crossOrigin).as("feeds, CAP, the JSON API and its document").isGreaterThanOrEqualTo(10);
        assertThat(send("/account", "GET", "https://aggregator.example").headers().firstValue("Access-Control-Allow-Origin"))
                .as("nothing personal is readable from another origin").isEmpty();
    }

    @Test
    void aFeedPolledAgainWithItsEtagIsNotSentAgain() throws Exception {
        for (String path : new String[] {"/alerts/feed.atom", "/notices/feed.atom", "/api/v1/alerts", "/api/v1/notices",
                "/api/v1/openapi.json"}) {
            HttpResponse<Void> first = send(path, "GET", null);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path));
            HttpResponse<Void> again = http.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void feedsCarryLastModifiedAndAnswerIfModifiedSinceWith304() throws Exception {
        for (String path : new String[] {"/alerts/feed.atom", "/notices/feed.atom", "/notices/categories/GARBAGE/feed.atom"}) {
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow(() -> new AssertionError("no Last-Modified on " + path));
            Instant updated = Instant.parse(between(first.body(), "<updated>", "</updated>"));
            assertThat(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .as("Last-Modified is the feed's updated").isEqualTo(updated.truncatedTo(ChronoUnit.SECONDS));
            HttpResponse<Void> again = http.send(HttpRequest.newBuilder(uri(path)).header("If-Modified-Since", lastModified).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(updated.minusSeconds(60).atZone(ZoneOffset.UTC));
            assertThat(http.send(HttpRequest.newBuilder(uri(path)).header("If-Modified-Since", earlier).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anEmptyFeedIsTheSameDocumentAtEveryRequestDatedFromTheInstallation() throws Exception {
        List<String> empty = jdbc.sql("SELECT DISTINCT category FROM alerts.notice").query(String.class).list();
        NoticeCategory unused = Arrays.stream(NoticeCategory.values()).filter(c -> !empty.contains(c.name())).findFirst()
                .orElseThrow(() -> new AssertionError("the demo and the tests leave some category without notices"));
        String path = "/notices/categories/" + unused.name() + "/feed.atom";
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> later = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(later.body()).doesNotContain("<entry>").isEqualTo(first.body());
        assertThat(later.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        Instant installed = jdbc.sql("SELECT first_started_at FROM shared.installation").query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Instant.parse(between(later.body(), "<updated>", "</updated>"))).isEqualTo(installed);
    }

    @Test
    void theUnversionedApiRedirectsPermanentlyKeepingTheQuery() throws Exception {
        String drill = jdbc.sql("SELECT id FROM alerts.alert WHERE author = 'demo:alert-operator'").query(String.class).single();
        for (String[] moved : new String[][] {{"/api/alerts", "/api/v1/alerts"}, {"/api/alerts/" + drill, "/api/v1/alerts/" + drill},
                {"/api/notices?category=GARBAGE&lang=en", "/api/v1/notices?category=GARBAGE&lang=en"},
                {"/api/notices/x%20y", "/api/v1/notices/x%20y"}}) {
            for (String method : new String[] {"GET", "HEAD"}) {
                HttpResponse<Void> response = send(moved[0], method, null);
                assertThat(response.statusCode()).as(method + " " + moved[0]).isEqualTo(308);
                assertThat(response.headers().firstValue("Location")).as(moved[0]).contains(moved[1]);
            }
        }
        HttpResponse<String> followed = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(HttpRequest.newBuilder(uri("/api/notices?category=GARBAGE")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).startsWith("[").contains("\"category\":\"GARBAGE\"");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static boolean signIn(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(location -> location.contains("sign-in")).orElse(false);
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

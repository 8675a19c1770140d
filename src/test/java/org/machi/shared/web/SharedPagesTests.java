package org.machi.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.alerts.publishing.NoticeDesk;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Public pages are kept for anonymous readers for at most a second (issue 11): what is published
 * here shows at once, what another node writes within the second, and nothing personal is ever
 * handed from one reader to another.
 */
@MachiWebTest
class SharedPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    NoticeDesk notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPublicationOnThisNodeIsOnTheKeptPageAtOnce() throws Exception {
        String before = page("/notices").body();
        assertThat(page("/notices").body()).as("kept for the next reader").isEqualTo(before);

        String title = "共有ページの確認 " + UUID.randomUUID();
        notices.publish(NoticeCategory.OTHER, Map.of("ja", new NoticeText(title, "本文")), Set.of(), "", "test:publisher");

        assertThat(page("/notices").body()).contains(title);
    }

    @Test
    void whatAnotherNodeWritesShowsWithinASecondAndNotBefore() throws Exception {
        Notice notice = notices.publish(NoticeCategory.OTHER, Map.of("ja", new NoticeText("別の窓口から " + UUID.randomUUID(), "本文")),
                Set.of(), "", "test:publisher");
        String path = "/notices/" + notice.id();
        assertThat(page(path).statusCode()).isEqualTo(200);

        // as another node would: the database changes, this node hears nothing
        String changed = "書き換えた題名 " + UUID.randomUUID();
        jdbc.sql("UPDATE alerts.notice_text SET title = ? WHERE notice_id = ?").params(changed, notice.id()).update();
        Instant written = Instant.now();

        assertThat(page(path).body()).as("the kept page is still handed out").doesNotContain(changed);
        Awaitility.await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50))
                .until(() -> page(path).body().contains(changed));
        assertThat(Duration.between(written, Instant.now())).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aKeptPageCarriesEverySecurityHeaderOnceAndAnswersItsEtag() throws Exception {
        HttpResponse<String> made = page("/alerts");
        HttpResponse<String> kept = page("/alerts");
        for (String header : new String[] {"Content-Security-Policy", "X-Frame-Options", "Cache-Control", "X-Content-Type-Options",
                "Content-Type", "Content-Language"}) {
            assertThat(kept.headers().allValues(header)).as(header).isEqualTo(made.headers().allValues(header)).hasSize(1);
        }
        String etag = kept.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/alerts")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);

        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/alerts")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void eachLanguageAndTextSizeIsKeptApart() throws Exception {
        page("/alerts");
        HttpResponse<String> english = http.send(HttpRequest.newBuilder(uri("/alerts")).header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("<html lang=\"en\"");
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(uri("/alerts")).header("Cookie", "machi_text=large").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(large.body()).doesNotContain("<html lang=\"en\"").isNotEqualTo(page("/alerts").body());
    }

    @Test
    void aSignedInReaderNeverGetsAKeptPage() throws Exception {
        assertThat(page("/alerts").body()).doesNotContain("/sign-out");
        String signedIn = mvc.perform(get("/alerts").with(user("resident").authorities(() -> "OWN_ACCOUNT")))
                .andReturn().getResponse().getContentAsString();
        assertThat(signedIn).contains("/sign-out");
    }

    @Test
    void aPageWithAFormIsNeverKept() throws Exception {
        HttpResponse<String> first = page("/alerts/subscribe");
        HttpResponse<String> second = page("/alerts/subscribe");
        assertThat(first.headers().allValues("Set-Cookie")).as("a new reader gets a form token").isNotEmpty();
        assertThat(second.headers().allValues("Set-Cookie")).as("and so does the next one: the page was made again").isNotEmpty();
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

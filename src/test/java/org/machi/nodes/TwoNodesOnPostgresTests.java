package org.machi.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.delivery.DeliveryRun;
import org.machi.alerts.delivery.PushIdentity;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.subscriptions.Subscriptions;
import org.machi.audit.AuditTrail;
import org.machi.identity.Assurance;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.shared.DataProtection;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestAccounts;
import org.machi.testing.TwoNodes;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one PostgreSQL database behave as one city: what a resident does on one node holds
 * on the other, each node reads what the other sealed, and one alert's fan-out is shared between
 * them with every recipient served once, and a rate limit is one budget for both. Both nodes start
 * together for the whole class; each scenario is one test method.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnPostgresTests {

    private static final int SUBSCRIBERS = 160;

    TwoNodes nodes;

    @BeforeAll
    void startTwoNodes() throws Exception {
        nodes = TwoNodes.start(
                // small batches, one worker per node: the fan-out is many claims, taken by both nodes
                "machi.alerts.delivery.batch-size=8",
                "machi.alerts.delivery.workers=1",
                // the first start of a demo deployment: the demo content must appear once, not once per node
                "machi.demo.enabled=true");
    }

    @AfterAll
    void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aResidentSignedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        Account resident = resident(nodes.a);
        CookieManager cookies = new CookieManager();
        HttpClient onA = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        Document signInPage = Jsoup.parse(send(onA, get(nodes.a, "/sign-in")).body());
        HttpResponse<String> signedIn = send(onA, post(nodes.a, "/sign-in", Map.of(
                "_csrf", signInPage.select("input[name=_csrf]").attr("value"),
                "login", resident.login(), "password", TestAccounts.PASSWORD)));
        assertThat(signedIn.headers().firstValue("Location")).as("signed in on A").hasValueSatisfying(to -> assertThat(to).endsWith("/account"));
        String session = cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();

        // B has never seen this client: only the session cookie A set goes along
        HttpClient onB = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> account = send(onB, get(nodes.b, "/account").header("Cookie", "SESSION=" + session));
        assertThat(account.statusCode()).as("the session of A is valid on B").isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("dd").first().text()).as("B opens the sign-in name A sealed")
                .isEqualTo(resident.login());
        assertThat(send(onB, get(nodes.b, "/account")).headers().firstValue("Location")).as("without the cookie, no one is signed in")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));
    }

    /** A guesser who spreads wrong passwords over both nodes gets the budget of one city, not one per node. */
    @Test
    void aSignInLimitIsOneBudgetAcrossBothNodes() throws Exception {
        Account resident = resident(nodes.a);
        HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        int budget = 10; // machi.identity.throttle.attempts-per-account, per sign-in name and client
        for (int attempt = 0; attempt < budget; attempt++) {
            TwoNodes.Node node = attempt % 2 == 0 ? nodes.a : nodes.b;
            assertThat(signIn(guesser, node, resident.login(), "wrong-" + attempt)).as("attempt " + (attempt + 1))
                    .endsWith("/sign-in?error");
        }
        assertThat(signIn(guesser, nodes.a, resident.login(), "wrong-again")).as("the budget is spent on A too")
                .endsWith("/sign-in?throttled");
        assertThat(signIn(guesser, nodes.b, resident.login(), TestAccounts.PASSWORD)).as("and on B, even for the right password")
                .endsWith("/sign-in?throttled");
    }

    /** Where the password form sends this client: the form's token is taken from the node it posts to. */
    private static String signIn(HttpClient client, TwoNodes.Node node, String login, String password) throws Exception {
        Document form = Jsoup.parse(send(client, get(node, "/sign-in")).body());
        return send(client, post(node, "/sign-in", Map.of("_csrf", form.select("input[name=_csrf]").attr("value"),
                "login", login, "password", password))).headers().firstValue("Location").orElse("");
    }

    @Test
    void eachNodeOpensWhatTheOtherSealedAndVerifiesTheOthersAuditEntries() {
        DataProtection a = nodes.a.bean(DataProtection.class);
        DataProtection b = nodes.b.bean(DataProtection.class);
        assertThat(b.open(a.seal("厚木 太郎", "test.name"), "test.name")).isEqualTo("厚木 太郎");
        assertThat(a.open(b.seal("厚木 花子", "test.name"), "test.name")).isEqualTo("厚木 花子");
        assertThat(b.lookupHash("taro@example.jp")).as("lookups find on B what A stored").isEqualTo(a.lookupHash("taro@example.jp"));
        assertThat(nodes.b.bean(PushIdentity.class).publicKey()).as("one Web Push identity for the city")
                .isEqualTo(nodes.a.bean(PushIdentity.class).publicKey());

        // both nodes wrote to the audit chain at their start; each verifies all of it
        assertThat(nodes.a.bean(AuditTrail.class).verify().intact()).isTrue();
        assertThat(nodes.b.bean(AuditTrail.class).verify().intact()).isTrue();
        assertThat(nodes.b.bean(AuditTrail.class).verify().entriesChecked()).isPositive();
    }

    @Test
    void oneAlertsFanOutIsSharedByBothNodesAndEveryRecipientIsServedOnce() throws Exception {
        Set<String> addresses = subscribersByMail(nodes.a, SUBSCRIBERS);
        // before publishing: the publishing node starts delivering as soon as its deliveries are queued
        clearMail();
        Alert alert = publish(nodes.b);
        // delivery queues the alert's rows just after the publication commits (AlertPublished)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc()
                .sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ?").param(alert.id()).query(Long.class).single() == SUBSCRIBERS);

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Void>> workers = Stream.of(nodes.a, nodes.b).map(node -> CompletableFuture.runAsync(() -> {
            try {
                together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            node.bean(DeliveryRun.class).drain();
        })).toList();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        // a node already delivering (it started when the rows were queued) lets a second drain return at once
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> jdbc()
                .sql("SELECT COUNT(*) FROM alerts.delivery WHERE item_id = ? AND state = 'SENT'").param(alert.id())
                .query(Long.class).single() == SUBSCRIBERS);

        List<String> sentByA = recipients(nodes.a);
        List<String> sentByB = recipients(nodes.b);
        List<String> all = Stream.concat(sentByA.stream(), sentByB.stream()).toList();
        assertThat(all).as("every recipient served once, by one node or the other").hasSize(SUBSCRIBERS);
        assertThat(all.stream().map(mail -> mail.substring(0, mail.indexOf(' '))).collect(Collectors.toSet())).isEqualTo(addresses);
        assertThat(sentByA).as("node A took part").isNotEmpty();
        assertThat(sentByB).as("node B took part").isNotEmpty();
        assertThat(jdbc().sql("SELECT state, COUNT(*) FROM alerts.delivery WHERE item_id = ? GROUP BY state").param(alert.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
                .containsExactly(Map.entry("SENT", SUBSCRIBERS));
    }

    @Test
    void theFirstStartOfTwoNodesTogetherDidItsWorkOnce() throws IOException {
        JdbcClient jdbc = jdbc();
        assertThat(jdbc.sql("SELECT starts FROM shared.installation").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM identity.account WHERE kind = 'STAFF'").query(Long.class).single())
                .as("one first administrator").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit.entry WHERE action = 'staff.created'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.alert WHERE author = 'demo:alert-operator'").query(Long.class).single())
                .as("one demo drill").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM alerts.notice").query(Long.class).single()).as("the demo notices once")
                .isEqualTo(demoNotices());
        assertThat(jdbc.sql("SELECT task_name, COUNT(*) FROM shared.scheduled_tasks GROUP BY task_name").query(
                (rs, n) -> rs.getLong(2)).list()).as("each background task scheduled once").isNotEmpty().containsOnly(1L);
    }

    private static long demoNotices() throws IOException {
        try (InputStream file = new ClassPathResource("demo/notices.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(file).size();
        }
    }

    private Account resident(TwoNodes.Node node) {
        Account account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "resident-" + UUID.randomUUID() + "@example.jp",
                node.bean(PasswordEncoder.class).encode(TestAccounts.PASSWORD), false, Assurance.SELF_ASSERTED, true, Set.of(),
                Instant.now());
        node.bean(Accounts.class).insert(account);
        return account;
    }

    /** Confirmed mail subscribers of the whole city, their addresses sealed by {@code node}. */
    private static Set<String> subscribersByMail(TwoNodes.Node node, int count) {
        DataProtection protection = node.bean(DataProtection.class);
        JdbcClient jdbc = node.bean(JdbcClient.class);
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String email = "fan-out-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.sql("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, status, "
                            + "hard_bounces, created_at, confirmed_at) VALUES (?, ?, ?, 'ja', TRUE, TRUE, 'ACTIVE', 0, ?, ?)")
                    .params(UUID.randomUUID(), protection.lookupHash(email), protection.seal(email, Subscriptions.EMAIL_CONTEXT), now, now)
                    .update();
            addresses.add(email);
        }
        return addresses;
    }

    private static Alert publish(TwoNodes.Node node) {
        AlertDesk desk = node.bean(AlertDesk.class);
        AlertKind kind = AlertKind.EVACUATION_ORDER;
        Instant now = Instant.now();
        AlertContent content = new AlertContent(kind, true, CapMessage.Urgency.IMMEDIATE, CapMessage.Severity.SEVERE,
                CapMessage.Certainty.LIKELY, Map.of("ja", new AlertText("【訓練】依知北地区に避難指示", "訓練です。", "避難所へ。")),
                Set.of("echi-kita"), "", now, now.plus(Duration.ofHours(1)));
        Alert draft = desk.draft(content, "test:operator");
        desk.submit(draft.id(), "test:operator");
        return desk.approve(draft.id(), "test:approver");
    }

    private List<String> recipients(TwoNodes.Node node) {
        return Arrays.stream(node.mail().getReceivedMessages()).map(TwoNodesOnPostgresTests::recipient).toList();
    }

    private void clearMail() throws Exception {
        for (TwoNodes.Node node : List.of(nodes.a, nodes.b)) {
            node.mail().purgeEmailFromAllMailboxes();
        }
    }

    /** The addressee, and the subject so that a mail sent twice says what it was. */
    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString() + " " + message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JdbcClient jdbc() {
        return nodes.a.bean(JdbcClient.class);
    }

    private static HttpRequest.Builder get(TwoNodes.Node node, String path) {
        return HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", "text/html").GET();
    }

    private static HttpRequest.Builder post(TwoNodes.Node node, String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(node.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

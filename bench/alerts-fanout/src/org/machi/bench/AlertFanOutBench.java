package org.machi.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.machi.MachiApplication;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.publishing.AlertDesk;
import org.machi.alerts.publishing.AlertTemplates;
import org.machi.shared.CityProfile;
import org.machi.shared.DataProtection;
import org.machi.shared.SiteLanguage;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One alert for every district to N subscribers (default 250,000) on PostgreSQL: how long until
 * every mail is handed to an SMTP server and every webhook is delivered, beside the raw rate the
 * same receivers accept from a trivial sender; and the public alert page and CAP document's
 * latency while the fan-out runs. See ../README.md.
 */
public final class AlertFanOutBench {

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(option(args, "--subscribers", "250000"));
        double webhookShare = Double.parseDouble(option(args, "--webhook-share", "0.1"));
        int rawSamples = Integer.parseInt(option(args, "--raw-samples", "20000"));
        String pgUrl = env("MACHI_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/test");
        String pgUser = env("MACHI_BENCH_PG_USER", "postgres");
        String pgPassword = env("MACHI_BENCH_PG_PASSWORD", "");
        String database = "machi_bench_" + UUID.randomUUID().toString().substring(0, 8);
        execute(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + database);
        try (SmtpSink smtp = new SmtpSink(); HttpSink http = new HttpSink()) {
            double rawMail = rawMailRate(smtp.port(), rawSamples);
            double rawHttp = rawHttpRate(http.url(), rawSamples);
            long mailBase = smtp.accepted();
            long httpBase = http.calls();
            say("raw SMTP %.0f msg/s, raw HTTP %.0f req/s (trivial sender, %d each)", rawMail, rawHttp, rawSamples);

            Path dataDir = Files.createTempDirectory("machi-bench");
            Map<String, String> settings = Map.ofEntries(
                            Map.entry("spring.datasource.url", withDatabase(pgUrl, database)),
                            Map.entry("spring.datasource.username", pgUser),
                            Map.entry("spring.datasource.password", pgPassword),
                            Map.entry("spring.datasource.hikari.maximum-pool-size", "20"),
                            Map.entry("spring.mail.host", "127.0.0.1"),
                            Map.entry("spring.mail.port", Integer.toString(smtp.port())),
                            Map.entry("server.port", "0"),
                            Map.entry("management.server.port", "-1"),
                            Map.entry("machi.data-dir", dataDir.toString()),
                            // a fresh key-encryption key for this run's keysets, as every node on PostgreSQL needs
                            Map.entry("machi.crypto.key-encryption-key", randomKey()),
                            Map.entry("machi.base-url", "http://localhost"),
                            Map.entry("machi.alerts.webhooks.allow-http-localhost", "true"),
                            Map.entry("machi.alerts.delivery.mail-per-second", "100000"),
                            Map.entry("machi.alerts.delivery.webhooks-per-second", "100000"),
                            Map.entry("machi.alerts.delivery.batch-size", option(args, "--batch", "500")),
                            Map.entry("machi.alerts.delivery.workers", option(args, "--workers", PROCESSORS)),
                            Map.entry("logging.level.root", "warn"));
            // as command-line arguments, so that they win over the postgres profile's defaults
            ConfigurableApplicationContext app = new SpringApplicationBuilder(MachiApplication.class)
                    .profiles("postgres")
                    .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            try {
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                int webhooks = (int) Math.round(subscribers * webhookShare);
                // A running city's server has served pages before an alert comes: warm this one up on an
                // earlier alert (no subscribers yet), so that the latencies measure serving, not compiling.
                Alert earlier = publish(app);
                warmUp(port, earlier.id(), WARM_UP_READS);
                long loadStart = System.nanoTime();
                addSubscribers(app, subscribers, webhooks, http.url());
                say("%,d subscribers (%,d with a webhook) stored in %.1f s", subscribers, webhooks, seconds(loadStart));

                UUID submitted = submitted(app);
                Instant published = Instant.now();
                long start = System.nanoTime();
                // what a resident sees: the archive page and the feed, read anonymously until the alert is there
                CompletableFuture<Long> onPage = visible(port, "/alerts", submitted.toString(), start);
                CompletableFuture<Long> inFeed = visible(port, "/alerts/feed.atom", submitted.toString(), start);
                Alert alert = app.getBean(AlertDesk.class).approve(submitted, "bench:approver");
                long publishedAfter = System.nanoTime() - start;
                Latencies latencies = new Latencies(port, alert.id());
                latencies.start();
                long mailDone = 0;
                long httpDone = 0;
                while (System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) {
                    if (mailDone == 0 && smtp.accepted() - mailBase >= subscribers) {
                        mailDone = System.nanoTime() - start;
                    }
                    if (httpDone == 0 && http.distinctDeliveries() >= webhooks) {
                        httpDone = System.nanoTime() - start;
                    }
                    if (mailDone > 0 && httpDone > 0) {
                        break;
                    }
                    Thread.sleep(50);
                }
                latencies.finish();
                String outcomes = app.getBean(JdbcTemplate.class).queryForList("SELECT channel, state, COALESCE(last_error, '') AS error, "
                                + "COUNT(*) AS n FROM alerts.delivery GROUP BY channel, state, last_error ORDER BY 1, 2").stream()
                        .map(row -> "%s %s %s: %s".formatted(row.get("channel"), row.get("state"), row.get("error"), row.get("n")))
                        .collect(Collectors.joining("; "));
                double total = Math.max(mailDone, httpDone) / 1e9;
                String report = String.join("\n",
                        "# Alert fan-out, " + LocalDate.now(),
                        "",
                        "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL, Java " + Runtime.version(),
                        "Subscribers: %,d, all by mail; %,d also by webhook; one alert for all districts".formatted(subscribers, webhooks),
                        "Workers: %s, batch %s".formatted(option(args, "--workers", PROCESSORS), option(args, "--batch", "500")),
                        "Before the fan-out the server answered %d reads of an earlier alert's page and CAP (warm-up).".formatted(WARM_UP_READS),
                        "",
                        "| | result |",
                        "|---|---|",
                        "| approval committed (the alert and its event; the %,d outbox rows follow after the commit) | %.2f s |"
                                .formatted(subscribers + webhooks, publishedAfter / 1e9),
                        "| from approval to the alert on the public alerts page | %s |".formatted(seen(onPage.getNow(0L))),
                        "| from approval to the alert in the Atom feed | %s |".formatted(seen(inFeed.getNow(0L))),
                        "| every mail handed to the SMTP server | %s |".formatted(done(mailDone)),
                        "| every webhook delivered | %s |".formatted(done(httpDone)),
                        "| deliveries per second (mail + webhook, from publication) | %.0f |".formatted((subscribers + webhooks) / total),
                        "| raw SMTP rate, trivial sender, one connection | %.0f msg/s |".formatted(rawMail),
                        "| raw HTTP rate, trivial sender, 64 concurrent | %.0f req/s |".formatted(rawHttp),
                        "| mails accepted by the sink / webhook calls received | %,d / %,d |".formatted(smtp.accepted() - mailBase,
                                http.calls() - httpBase),
                        "| outcomes recorded | %s |".formatted(outcomes),
                        "| alert page during fan-out: p50 / p99 (n) | %s |".formatted(latencies.summary("page")),
                        "| CAP document during fan-out: p50 / p99 (n) | %s |".formatted(latencies.summary("cap")),
                        "",
                        "Published at " + published + ".");
                System.out.println(report);
                Path results = Path.of("bench/alerts-fanout/results");
                Files.createDirectories(results);
                Files.writeString(results.resolve("fanout-" + LocalDate.now() + "-" + subscribers + ".md"), report + "\n");
            } finally {
                app.close();
            }
        } finally {
            execute(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static final int WARM_UP_READS = 500;
    /** The application's default number of delivery workers. */
    private static final String PROCESSORS = Integer.toString(Runtime.getRuntime().availableProcessors());

    private static void warmUp(int port, UUID alert, int reads) {
        Latencies reader = new Latencies(port, alert);
        for (int i = 0; i < reads; i++) {
            reader.time(reader.page);
            reader.time(reader.cap);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static String seen(long nanos) {
        return nanos == 0 ? "not within a minute" : "%.3f s".formatted(nanos / 1e9);
    }

    private static String done(long nanos) {
        return nanos == 0 ? "not within 10 minutes" : "%.1f s".formatted(nanos / 1e9);
    }

    /** Subscribers spread over the districts and languages, confirmed, stored as the application stores them (sealed). */
    private static void addSubscribers(ConfigurableApplicationContext app, int count, int webhooks, String webhookUrl) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        DataProtection protection = app.getBean(DataProtection.class);
        List<String> districts = app.getBean(CityProfile.class).districts().stream().map(CityProfile.District::code).toList();
        SiteLanguage[] languages = SiteLanguage.values();
        Timestamp now = Timestamp.from(Instant.now());
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String email = "resident" + i + "@example.jp";
            boolean hook = i < webhooks;
            rows.add(new Object[] {id, protection.lookupHash(email), protection.seal(email, "alerts.subscription.email"),
                    languages[i % languages.length].code(),
                    hook ? protection.seal(webhookUrl, "alerts.subscription.webhook-url") : null,
                    hook ? protection.seal(secret, "alerts.subscription.webhook-secret") : null, now, now});
            places.add(new Object[] {id, districts.get(i % districts.size())});
            if (rows.size() == 5000 || i == count - 1) {
                jdbc.batchUpdate("INSERT INTO alerts.subscription (id, email_hash, email_sealed, language, whole_city, by_email, "
                        + "webhook_url_sealed, webhook_secret_sealed, status, hard_bounces, created_at, confirmed_at) "
                        + "VALUES (?, ?, ?, ?, FALSE, TRUE, ?, ?, 'ACTIVE', 0, ?, ?)", rows);
                jdbc.batchUpdate("INSERT INTO alerts.subscription_district (subscription_id, district) VALUES (?, ?)", places);
                rows.clear();
                places.clear();
            }
        }
        jdbc.execute("ANALYZE alerts.subscription");
        jdbc.execute("ANALYZE alerts.subscription_district");
    }

    /** A drafted and submitted evacuation order for every district, waiting for its approval. */
    private static UUID submitted(ConfigurableApplicationContext app) {
        AlertDesk desk = app.getBean(AlertDesk.class);
        AlertTemplates templates = app.getBean(AlertTemplates.class);
        Set<String> everywhere = app.getBean(CityProfile.class).districts().stream().map(CityProfile.District::code)
                .collect(Collectors.toSet());
        Instant now = Instant.now();
        AlertKind kind = AlertKind.EVACUATION_ORDER;
        var texts = templates.complete(Map.of("ja", templates.fill(kind, SiteLanguage.JA, everywhere, "", now)), kind, everywhere, "",
                now, null);
        Alert draft = desk.draft(new AlertContent(kind, true, kind.urgency(), kind.severity(), kind.certainty(), texts, everywhere, "",
                now, now.plus(Duration.ofHours(3))), "bench:operator");
        desk.submit(draft.id(), "bench:operator");
        return draft.id();
    }

    private static Alert publish(ConfigurableApplicationContext app) {
        return app.getBean(AlertDesk.class).approve(submitted(app), "bench:approver");
    }

    /**
     * Reads {@code path} anonymously, one request after another, until it mentions {@code text};
     * completes with the nanoseconds from {@code start}, or 0 after a minute.
     */
    private static CompletableFuture<Long> visible(int port, String path, String text, long start) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
        return CompletableFuture.supplyAsync(() -> {
            while (System.nanoTime() - start < Duration.ofMinutes(1).toNanos()) {
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.ofString()).body().contains(text)) {
                        return System.nanoTime() - start;
                    }
                    Thread.sleep(10);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return 0L;
        });
    }

    private static double rawMailRate(int port, int messages) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(properties);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < messages; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("bench@localhost"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@example.jp"));
                message.setSubject("【厚木市】避難指示", "UTF-8");
                message.setText("依知北地区に避難指示を出しました。".repeat(10), "UTF-8");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return messages / seconds(start);
    }

    private static double rawHttpRate(String url, int requests) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore concurrent = new Semaphore(64);
        long start = System.nanoTime();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            concurrent.acquireUninterruptibly();
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("webhook-id", "raw-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"alert.published\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> concurrent.release()));
        }
        calls.forEach(CompletableFuture::join);
        return requests / seconds(start);
    }

    /** Reads the alert page and its CAP document in turn, one request at a time, while the fan-out runs. */
    private static final class Latencies extends Thread {

        private final HttpClient client = HttpClient.newHttpClient();
        private final String page;
        private final String cap;
        private final List<Long> pageNanos = Collections.synchronizedList(new ArrayList<>());
        private final List<Long> capNanos = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);

        Latencies(int port, UUID alert) {
            this.page = "http://localhost:" + port + "/alerts/" + alert;
            this.cap = page + "/cap.xml";
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running.get()) {
                pageNanos.add(time(page));
                capNanos.add(time(cap));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private long time(String url) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        }

        void finish() throws InterruptedException {
            running.set(false);
            join();
        }

        String summary(String which) {
            List<Long> sorted = new ArrayList<>(which.equals("page") ? pageNanos : capNanos);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no samples";
            }
            return "%.1f ms / %.1f ms (%d)".formatted(sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6, sorted.size());
        }
    }

    private static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench] " + format.formatted(args));
    }
}

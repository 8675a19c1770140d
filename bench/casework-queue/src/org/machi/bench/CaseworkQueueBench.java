package org.machi.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.machi.MachiApplication;
import org.machi.casework.cases.Assigned;
import org.machi.casework.cases.CaseQueue;
import org.machi.casework.cases.QueuePage;
import org.machi.casework.cases.QueueQuery;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Account;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.identity.security.MachiUserTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A department's queue with N open cases (default 100,000) beside M cases of other departments, on
 * PostgreSQL: the first page (50 rows, nearest deadline first, with the count) timed three ways, one
 * request at a time after a warm-up: the queue's two statements raw over JDBC (the baseline),
 * {@link CaseQueue#page} (the department check and the mapping added), and the whole {@code /staff/cases}
 * page through Spring Security and Thymeleaf (MockMvc, no network). See ../README.md.
 */
public final class CaseworkQueueBench {

    private static final String DEPARTMENT = "kyufukin";
    private static final int PAGE_SIZE = 50;
    private static final String[] OPEN_STATES = {"RECEIVED", "RECEIVED", "RECEIVED", "RECEIVED", "IN_REVIEW", "IN_REVIEW", "IN_REVIEW",
            "NEEDS_INFORMATION", "NEEDS_INFORMATION", "RESIDENT_REPLIED"};
    private static final String[] OTHERS = {"shimin", "shiminzei", "kosodate-kyufu", "hoiku", "kaigo", "kankyo-center"};

    public static void main(String[] args) throws Exception {
        int cases = Integer.parseInt(option(args, "--cases", "100000"));
        int others = Integer.parseInt(option(args, "--others", "50000"));
        int samples = Integer.parseInt(option(args, "--samples", "1000"));
        int warmUp = Integer.parseInt(option(args, "--warmup", "300"));
        String label = option(args, "--label", "");
        String pgUrl = env("MACHI_BENCH_PG_URL", "jdbc:postgresql://localhost:5432/test");
        String pgUser = env("MACHI_BENCH_PG_USER", "postgres");
        String pgPassword = env("MACHI_BENCH_PG_PASSWORD", "");
        String database = "machi_bench_queue_" + UUID.randomUUID().toString().substring(0, 8);
        execute(pgUrl, pgUser, pgPassword, "CREATE DATABASE " + database);
        String url = withDatabase(pgUrl, database);
        try {
            Path dataDir = Files.createTempDirectory("machi-bench-queue");
            Map<String, String> settings = Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", pgUser,
                    "spring.datasource.password", pgPassword,
                    "server.port", "0",
                    "management.server.port", "-1",
                    "machi.data-dir", dataDir.toString(),
                    "machi.crypto.key-encryption-key", randomKey(),
                    "machi.base-url", "http://localhost",
                    "logging.level.root", "warn");
            ConfigurableApplicationContext app = new SpringApplicationBuilder(MachiApplication.class).profiles("postgres")
                    .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            try {
                long start = System.nanoTime();
                store(url, pgUser, pgPassword, DEPARTMENT, cases, 1);
                int other = 0;
                for (String department : OTHERS) {
                    store(url, pgUser, pgPassword, department, others / OTHERS.length, 2 + other++);
                }
                // what autovacuum does on a running city's database soon after such a load
                execute(url, pgUser, pgPassword, "VACUUM ANALYZE casework.case_file");
                double seeded = seconds(start);
                say("%,d open cases of %s and %,d of other departments stored in %.1f s", cases, DEPARTMENT, others, seeded);

                Account clerk = clerk(app);
                Authentication signedIn = MachiUserTestSupport.signedIn(clerk, true);
                CaseQueue queue = app.getBean(CaseQueue.class);
                MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity()).build();
                QueueQuery first = new QueueQuery(DEPARTMENT, Set.of(), null, Assigned.ANYONE, false, false, 0, PAGE_SIZE);
                QueuePage check = queue.page(first, clerk.reference());
                if (check.total() != cases || check.rows().size() != PAGE_SIZE) {
                    throw new IllegalStateException("the queue shows " + check.total() + " cases, " + check.rows().size() + " rows");
                }
                MvcResult page = mvc.perform(get("/staff/cases").with(authentication(signedIn))).andReturn();
                if (page.getResponse().getStatus() != 200 || !page.getResponse().getContentAsString().contains("2026-B")) {
                    throw new IllegalStateException("the queue page answered " + page.getResponse().getStatus());
                }
                int pageBytes = page.getResponse().getContentAsByteArray().length;

                List<Result> results = new ArrayList<>();
                try (Connection connection = DriverManager.getConnection(url, pgUser, pgPassword)) {
                    PreparedStatement rows = connection.prepareStatement("SELECT id, application_id, receipt_number, procedure_slug, "
                            + "department, channel, applicant, clerk, register_number, household_number, state, assignee, held_reason, "
                            + "held_detail, submitted_at, due_at, decided_at, closed_at, updated_at, version FROM casework.case_file "
                            + "WHERE department = ? ORDER BY due_at ASC NULLS LAST, submitted_at ASC, id ASC LIMIT ? OFFSET ?");
                    PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM casework.case_file WHERE department = ?");
                    results.add(time("raw SQL over JDBC (rows + count)", warmUp, samples, () -> {
                        rows.setString(1, DEPARTMENT);
                        rows.setInt(2, PAGE_SIZE);
                        rows.setLong(3, 0);
                        int n = 0;
                        try (ResultSet rs = rows.executeQuery()) {
                            while (rs.next()) {
                                rs.getObject(1);
                                rs.getString(3);
                                rs.getTimestamp(16);
                                n++;
                            }
                        }
                        count.setString(1, DEPARTMENT);
                        try (ResultSet rs = count.executeQuery()) {
                            rs.next();
                            n += rs.getLong(1) > 0 ? 0 : 1;
                        }
                        return n;
                    }));
                    results.add(time("CaseQueue.page (department check, rows + count)", warmUp, samples,
                            () -> queue.page(first, clerk.reference()).rows().size()));
                    results.add(time("GET /staff/cases (security, queue, Thymeleaf)", warmUp, samples,
                            () -> mvc.perform(get("/staff/cases").with(authentication(signedIn))).andReturn().getResponse().getStatus()));
                    results.add(time("GET /staff/cases?state=RECEIVED&overdue=true (filtered)", warmUp, samples / 2,
                            () -> mvc.perform(get("/staff/cases").param("state", "RECEIVED").param("overdue", "true")
                                    .with(authentication(signedIn))).andReturn().getResponse().getStatus()));
                    String plan = explain(connection);
                    report(cases, others, samples, seeded, pageBytes, results, plan, label);
                }
            } finally {
                app.close();
            }
        } finally {
            execute(pgUrl, pgUser, pgPassword, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    record Result(String what, int samples, double p50, double p90, double p99, double max) {
    }

    private static Result time(String what, int warmUp, int samples, Callable<Object> call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.call();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Result result = new Result(what, samples, percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), millis[samples - 1]);
        say("%-60s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms", what, result.p50(), result.p90(), result.p99(), result.max());
        return result;
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Open cases of one department: states spread over the four open ones, deadlines from 20 days ago to 40 days ahead. */
    private static void store(String url, String user, String password, String department, int count, int seed) throws Exception {
        Random random = new Random(seed);
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", user, password)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO casework.case_file (id, application_id, receipt_number, "
                    + "procedure_slug, department, channel, applicant, state, assignee, submitted_at, due_at, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, 'ONLINE', ?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    Instant submitted = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
                    Instant due = random.nextInt(10) == 0 ? null : submitted.plus(Duration.ofDays(10 + random.nextInt(20)));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, "2026-B%d%07d".formatted(seed, i));
                    insert.setString(4, department.equals(DEPARTMENT) ? "kyufukin" : "bench-" + department);
                    insert.setString(5, department);
                    insert.setObject(6, UUID.randomUUID());
                    insert.setString(7, OPEN_STATES[random.nextInt(OPEN_STATES.length)]);
                    insert.setString(8, random.nextInt(3) == 0 ? "account:" + new UUID(0, random.nextInt(20)) : null);
                    insert.setTimestamp(9, Timestamp.from(submitted));
                    insert.setTimestamp(10, due == null ? null : Timestamp.from(due));
                    insert.setTimestamp(11, Timestamp.from(submitted));
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private static Account clerk(ConfigurableApplicationContext app) {
        // as a clerk who has set their own password: signed in with both factors, as on any working day
        Account account = new Account(UUID.randomUUID(), AccountKind.STAFF, "bench-" + UUID.randomUUID().toString().substring(0, 8),
                app.getBean(PasswordEncoder.class).encode(UUID.randomUUID().toString()), false, Assurance.SELF_ASSERTED, true,
                Set.of(StaffRole.DEPARTMENT_STAFF), Instant.now());
        app.getBean(Accounts.class).insert(account);
        app.getBean(StaffAccounts.class).changeDetails(account.id(), new StaffDetails("ベンチ 職員", DEPARTMENT, null), "system");
        return account;
    }

    private static String explain(Connection connection) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM casework.case_file "
                + "WHERE department = ? ORDER BY due_at ASC NULLS LAST, submitted_at ASC, id ASC LIMIT 50 OFFSET 0")) {
            explain.setString(1, DEPARTMENT);
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static void report(int cases, int others, int samples, double seeded, int pageBytes, List<Result> results, String plan,
                               String label) throws Exception {
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC).format(Instant.now());
        StringBuilder md = new StringBuilder();
        md.append("# Casework queue: the first page of a department with ").append("%,d".formatted(cases)).append(" open cases\n\n");
        md.append("Run ").append(stamp).append(" UTC").append(label.isEmpty() ? "" : " (" + label + ")").append(", `bench/casework-queue/run`. ");
        md.append("%,d open cases of the department and %,d of six others in `casework.case_file` on PostgreSQL (stored in %.1f s), "
                .formatted(cases, others, seeded));
        md.append("one request at a time after a warm-up; %,d samples each (the filtered page half as many). ".formatted(samples));
        md.append("The first page is 50 rows, nearest deadline first, with the number of cases (%,d bytes of HTML).\n\n".formatted(pageBytes));
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append(", shared with other engineers' builds and tests while it ran.\n\n");
        md.append("| what | p50 ms | p90 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            md.append("| %s | %.2f | %.2f | %.2f | %.2f |\n".formatted(r.what(), r.p50(), r.p90(), r.p99(), r.max()));
        }
        Result whole = results.get(2);
        md.append("\nTarget: p99 ≤ 100 ms for the first page. The whole page: p99 %.2f ms — %s.\n\n"
                .formatted(whole.p99(), whole.p99() <= 100 ? "met" : "not met"));
        md.append("The plan of the rows' statement (EXPLAIN ANALYZE, after the runs):\n\n```\n").append(plan).append("```\n");
        Path out = Path.of("bench/casework-queue/results/" + stamp + (label.isEmpty() ? "" : "-" + label) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        say("report written to %s", out);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
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
        System.out.println(format.formatted(args));
    }
}

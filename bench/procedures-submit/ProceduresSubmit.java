import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Submissions of a small form by signed-in residents, paced open-loop (issue 12, "Scale"). The
 * application is already running (bench/procedures-submit/run starts it); this signs N residents
 * up through the mail files and in, then, per rate, starts one submission every 1/rate seconds
 * for the phase's length, each by a resident who is not busy with another: start a draft, read
 * the step, post the step, read check-your-answers, submit, read the confirmation with its
 * receipt number. Latency is measured from the moment a submission was due, not from when it
 * could be sent, so a server that falls behind shows its backlog. Afterwards it counts the
 * applications in the database (exactly one per successful submission), inserts the same rows
 * with raw JDBC into a scratch copy of the table for the baseline, reads the application's peak
 * RSS, and writes a Markdown report.
 */
public class ProceduresSubmit {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern FORM_VERSION = Pattern.compile("name=\"formVersion\"\\s+value=\"(\\d+)\"");
    private static final Pattern KNOWN = Pattern.compile("name=\"known\"\\s+value=\"([A-Za-z0-9]+)\"");
    private static final Pattern SUBMIT_KEY = Pattern.compile("name=\"submitKey\"\\s+value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("<strong translate=\"no\">\\s*([^<\\s]+)\\s*</strong>");
    private static final Pattern RECEIPT_ROW = Pattern.compile("<dd translate=\"no\">\\s*([^<\\s]+)\\s*</dd>");
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String[] KINDS = {"start", "step page", "step post", "check page", "submit", "confirmation"};

    private final Map<String, String> options;
    private final String base;
    private final String slug;
    private final long appPid;
    private final Path mailDir;
    private final String host;
    private final List<Resident> residents = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> receiptsSeen = ConcurrentHashMap.newKeySet();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Instant started = Instant.now();
    private Baseline baseline;
    private String jfrSummary = "";
    private Duration setUpTook;
    private String recordedPhase = "";

    ProceduresSubmit(Map<String, String> options) {
        this.options = options;
        this.base = options.get("base");
        this.host = base == null ? null : URI.create(base).getAuthority();
        this.slug = options.get("slug");
        this.appPid = Long.parseLong(options.get("pid"));
        this.mailDir = Path.of(options.get("data")).resolve("mail");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("slug", "risai", "residents", "200", "rates", "500,1000",
                "seconds", "60", "warmup", "20", "baseline-seconds", "10", "baseline-threads", "10", "jfr", "true", "label", ""));
        for (int i = 0; i < args.length; i++) {
            options.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        if (options.containsKey("summarise-jfr")) {
            // java ProceduresSubmit.java --summarise-jfr FILE: the report's JFR section for a kept recording
            ProceduresSubmit reader = new ProceduresSubmit(Map.of("pid", "0", "data", "/tmp/x/data"));
            reader.recordedPhase = "recorded";
            System.out.println(reader.summariseRecording(Path.of(options.get("summarise-jfr"))));
            return;
        }
        for (String required : List.of("base", "data", "pid", "db-url", "results")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        ProceduresSubmit bench = new ProceduresSubmit(options);
        Class.forName("org.postgresql.Driver");
        int exit;
        try {
            exit = bench.run();
        } catch (Exception | Error failed) {
            failed.printStackTrace();
            exit = 2;
        }
        System.exit(exit);
    }

    private int run() throws Exception {
        Instant setUp = Instant.now();
        signUpResidents(Integer.parseInt(options.get("residents")));
        setUpTook = Duration.between(setUp, Instant.now());
        say("%d residents signed up and in (%d s)", residents.size(), setUpTook.toSeconds());
        int seconds = Integer.parseInt(options.get("seconds"));
        List<Integer> rates = Arrays.stream(options.get("rates").split(",")).map(String::strip).map(Integer::parseInt).toList();
        int warmup = Integer.parseInt(options.get("warmup"));
        if (warmup > 0) {
            Phase warm = runPhase("warm-up", Math.max(1, rates.get(0) / 2), warmup, false);
            say("warm-up: %d submitted, %d errors", warm.successes.get(), warm.errorCount());
        }
        boolean jfr = Boolean.parseBoolean(options.get("jfr"));
        // the phase recorded: the one at --jfr-rate, else the first at 500/s or more, else the first
        int jfrRate = options.containsKey("jfr-rate") ? Integer.parseInt(options.get("jfr-rate"))
                : rates.stream().filter(r -> r >= 500).findFirst().orElse(rates.get(0));
        for (int i = 0; i < rates.size(); i++) {
            Phase phase = runPhase(rates.get(i) + "/s", rates.get(i), seconds, jfr && i == rates.indexOf(jfrRate));
            phases.add(phase);
            say("%s: %d submitted (%.0f/s), %d errors, %d not sent, p99 %.1f ms", phase.name, phase.successes.get(),
                    phase.achievedRate(), phase.errorCount(), phase.notSent.get(), ms(percentile(phase.total(), 0.99)));
        }
        baseline = baseline(Integer.parseInt(options.get("baseline-threads")), Integer.parseInt(options.get("baseline-seconds")));
        say("baseline: %.0f rows/s", baseline.rate());
        if (jfr && Files.isRegularFile(jfrFile())) {
            jfrSummary = summariseRecording(jfrFile());
        }
        Path report = report();
        System.out.println(Files.readString(report));
        System.out.println("report: " + report);
        return failures.isEmpty() ? 0 : 1;
    }

    // --- residents ---------------------------------------------------------------------------

    private void signUpResidents(int count) throws Exception {
        // four at a time: more concurrent sign-ups than half the app's connection pool stall it (each sign-up holds a
        // transaction's connection while its mail budget, a Bucket4j row, takes a second one)
        ExecutorService pool = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "sign-up");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Resident>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            made.add(pool.submit(() -> signUp(n)));
        }
        for (Future<Resident> resident : made) {
            residents.add(resident.get());
        }
        pool.shutdown();
    }

    /** Signs up with a mail address, sets a password from the link in the mail, signs in afresh and opens the procedure's start page. */
    private Resident signUp(int n) throws Exception {
        String email = "bench-" + runId + "-" + n + "@example.jp";
        String password = "bench password " + UUID.randomUUID();
        Resident resident = new Resident(n, email);
        resident.expect(resident.get("/sign-up"), 200);
        resident.expect(resident.post("/sign-up", Map.of("_csrf", resident.csrf(), "email", email)), 302);
        String link = awaitLink(email, "/sign-up/confirm?token=");
        resident.expect(resident.get(link), 200);
        String token = link.substring(link.indexOf("token=") + "token=".length());
        resident.expect(resident.post("/sign-up/confirm", Map.of("_csrf", resident.csrf(), "token", token, "password", password,
                "confirmation", password)), 302);
        resident.cookies.clear();
        resident.connection.close();
        resident.expect(resident.get("/sign-in"), 200);
        Response signedIn = resident.expect(resident.post("/sign-in", Map.of("_csrf", resident.csrf(), "login", email,
                "password", password)), 302);
        String where = location(signedIn);
        if (where.contains("error") || where.contains("throttled")) {
            throw new IllegalStateException("sign-in refused: " + where);
        }
        resident.expect(resident.get("/account"), 200);
        Response start = resident.expect(resident.get("/procedures/" + slug + "/apply"), 200);
        if (!start.body().contains("action=\"/procedures/" + slug + "/apply\"")) {
            throw new IllegalStateException("the start page of " + slug + " offers no form to a signed-up resident (needs the card?)");
        }
        return resident;
    }

    private final Map<String, String> linksByAddress = new HashMap<>();

    /** The link in the mail to the address; mails are .eml files in the data folder (no SMTP server configured). */
    private String awaitLink(String address, String prefix) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            synchronized (linksByAddress) {
                readMails(prefix);
                String link = linksByAddress.remove(address);
                if (link != null) {
                    return link;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no mail with " + prefix + " reached " + address + " within 60 s");
    }

    private void readMails(String prefix) throws IOException {
        if (!Files.isDirectory(mailDir)) {
            return;
        }
        Pattern link = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_\\-]+");
        Pattern to = Pattern.compile("(?im)^To:.*?([A-Za-z0-9._+-]+@[A-Za-z0-9.-]+)");
        try (Stream<Path> files = Files.list(mailDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                String message = Files.readString(file, StandardCharsets.ISO_8859_1);
                Optional<String> body = body(message);
                Matcher recipient = to.matcher(message);
                if (body.isEmpty() || !recipient.find()) {
                    continue; // still being written: read on the next look
                }
                Matcher found = link.matcher(body.get().replace("=\r\n", "").replace("=3D", "="));
                if (found.find()) {
                    linksByAddress.put(recipient.group(1), found.group().substring(found.group().indexOf('/')));
                    Files.delete(file);
                }
            }
        }
    }

    private static Optional<String> body(String message) {
        int split = message.indexOf("\r\n\r\n");
        if (split < 0) {
            return Optional.empty();
        }
        String headers = message.substring(0, split);
        String body = message.substring(split + 4);
        if (!headers.toLowerCase().contains("content-transfer-encoding: base64")) {
            return Optional.of(body);
        }
        try {
            return Optional.of(new String(Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException halfWritten) {
            return Optional.empty();
        }
    }

    // --- one submission ----------------------------------------------------------------------

    /** Durations of each request of one submission (ns), and the receipt number shown. */
    private record Submission(String receipt, long[] requests) {
    }

    private Submission submit(Resident r) throws Exception {
        long[] took = new long[KINDS.length];
        String apply = "/procedures/" + slug + "/apply";
        long t = System.nanoTime();
        Response started = r.expect(r.post(apply, Map.of("_csrf", r.csrf())), 302);
        took[0] = System.nanoTime() - t;
        String step = location(started);
        if (!step.startsWith(apply + "/") || !UUIDS.matcher(step).find()) {
            throw new IllegalStateException("POST " + apply + " led to " + step);
        }
        String draft = step.substring(0, step.lastIndexOf('/'));
        String check = draft + "/check-answers";
        if (!step.equals(check)) {
            t = System.nanoTime();
            Response page = r.expect(r.get(step), 200);
            took[1] = System.nanoTime() - t;
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("_csrf", r.csrf());
            form.put("formVersion", find(FORM_VERSION, page.body(), "the step page has no form version"));
            Set<String> known = new HashSet<>();
            Matcher knownFields = KNOWN.matcher(page.body());
            while (knownFields.find()) {
                known.add(knownFields.group(1));
            }
            if (!known.isEmpty()) {
                form.put("known", List.copyOf(known));
            }
            r.answers().forEach((field, value) -> {
                if (!known.contains(field)) {
                    form.put(field, value);
                }
            });
            form.put("action", "continue");
            t = System.nanoTime();
            Response saved = r.post(step, form);
            took[2] = System.nanoTime() - t;
            if (saved.status() == 200) {
                throw new IllegalStateException("POST step answered 200: the step was refused (" + problems(saved.body()) + ")");
            }
            r.expect(saved, 302);
            if (!location(saved).equals(check)) {
                throw new IllegalStateException("POST step led to " + location(saved));
            }
        }
        t = System.nanoTime();
        Response checkPage = r.expect(r.get(check), 200);
        took[3] = System.nanoTime() - t;
        String key = find(SUBMIT_KEY, checkPage.body(), "check-answers has no submit key");
        t = System.nanoTime();
        Response sent = r.expect(r.post(check, Map.of("_csrf", r.csrf(), "submitKey", key, "declaration", "confirmed")), 302);
        took[4] = System.nanoTime() - t;
        String confirmation = location(sent);
        if (!confirmation.startsWith("/my/procedures/")) {
            throw new IllegalStateException("submit led to " + confirmation);
        }
        t = System.nanoTime();
        Response shown = r.expect(r.get(confirmation), 200);
        took[5] = System.nanoTime() - t;
        Matcher receipt = RECEIPT.matcher(shown.body());
        if (!receipt.find()) {
            receipt = RECEIPT_ROW.matcher(shown.body());
            if (!receipt.find()) {
                throw new IllegalStateException("the confirmation page shows no receipt number");
            }
        }
        return new Submission(receipt.group(1), took);
    }

    private static String problems(String body) {
        Matcher m = Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<").matcher(body);
        List<String> found = new ArrayList<>();
        while (m.find() && found.size() < 5) {
            found.add(m.group(1).strip());
        }
        return found.isEmpty() ? "no field error shown" : String.join("; ", found);
    }

    // --- a phase: open-loop pacing -----------------------------------------------------------

    private Phase runPhase(String name, int rate, int seconds, boolean record) throws Exception {
        Phase phase = new Phase(name, rate, seconds);
        long before = submittedInDatabase();
        Cpu cpuBefore = Cpu.now(appPid);
        if (record) {
            recordedPhase = name;
            jcmd("JFR.start", "name=procedures-submit", "settings=profile", "filename=" + jfrFile());
        }
        AtomicLong next = new AtomicLong();
        long total = phase.intended;
        long t0 = System.nanoTime() + 100_000_000L;
        // a submission not begun within the phase's length again after its end is not sent: the server fell far behind
        long cutOff = t0 + 2L * seconds * 1_000_000_000L;
        phase.startNanos = t0;
        List<Thread> threads = new ArrayList<>();
        for (Resident resident : residents) {
            Thread thread = new Thread(() -> {
                while (true) {
                    long i = next.getAndIncrement();
                    if (i >= total) {
                        return;
                    }
                    long due = t0 + i * 1_000_000_000L / rate;
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(due - now);
                    }
                    if (now > cutOff) {
                        phase.notSent.incrementAndGet();
                        continue;
                    }
                    phase.run(resident, due, now);
                }
            }, "resident-" + resident.n);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    say("  %s: %d done, %d errors, %d not sent", name, phase.successes.get(), phase.errorCount(), phase.notSent.get());
                }
            } catch (InterruptedException stop) {
                // phase over
            }
        });
        progress.setDaemon(true);
        progress.start();
        for (Thread thread : threads) {
            thread.join();
        }
        progress.interrupt();
        phase.endNanos = System.nanoTime();
        if (record) {
            jcmd("JFR.stop", "name=procedures-submit");
        }
        phase.cpu = Cpu.now(appPid).minus(cpuBefore);
        phase.rssAfterKb = status(appPid, "VmRSS");
        phase.addedInDatabase = submittedInDatabase() - before;
        phase.pendingEvents = pendingEvents();
        if (phase.addedInDatabase != phase.successes.get()) {
            failures.add(name + ": " + phase.successes.get() + " submissions succeeded but " + phase.addedInDatabase
                    + " applications were added to the database");
        }
        if (name.equals("warm-up")) {
            return phase; // overload while warming up is not a result; a count that differs is
        }
        if (phase.errorCount() > 0) {
            failures.add(name + ": " + phase.errorCount() + " submissions failed: " + phase.errors);
        }
        if (phase.notSent.get() > 0) {
            failures.add(name + ": " + phase.notSent.get() + " submissions were not sent (the server fell behind by more than the phase's length)");
        }
        return phase;
    }

    private final class Phase {
        final String name;
        final int rate;
        final int seconds;
        final long intended;
        final long[] totals;
        final long[] submits;
        final long[] lags;
        final long[][] requests = new long[KINDS.length][];
        final AtomicInteger successes = new AtomicInteger();
        final AtomicLong notSent = new AtomicLong();
        final AtomicLong lastEnd = new AtomicLong();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final List<String> firstErrors = new ArrayList<>();
        long startNanos;
        long endNanos;
        long addedInDatabase;
        long pendingEvents;
        long rssAfterKb;
        Cpu cpu;

        Phase(String name, int rate, int seconds) {
            this.name = name;
            this.rate = rate;
            this.seconds = seconds;
            this.intended = (long) rate * seconds;
            this.totals = new long[(int) intended];
            this.submits = new long[(int) intended];
            this.lags = new long[(int) intended];
            for (int k = 0; k < KINDS.length; k++) {
                requests[k] = new long[(int) intended];
            }
        }

        void run(Resident resident, long due, long began) {
            try {
                Submission done = ProceduresSubmit.this.submit(resident);
                long end = System.nanoTime();
                if (!receiptsSeen.add(done.receipt())) {
                    throw new IllegalStateException("receipt number " + done.receipt() + " was shown twice");
                }
                int i = successes.getAndIncrement();
                totals[i] = end - due;
                submits[i] = done.requests()[4];
                lags[i] = began - due;
                for (int k = 0; k < KINDS.length; k++) {
                    requests[k][i] = done.requests()[k];
                }
                lastEnd.accumulateAndGet(end, Math::max);
            } catch (Exception failed) {
                String kind = failed instanceof HttpTimeoutException ? "timeout"
                        : UUIDS.matcher(String.valueOf(failed.getMessage())).replaceAll("{id}");
                errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                synchronized (firstErrors) {
                    if (firstErrors.size() < 5) {
                        firstErrors.add(failed.toString());
                    }
                }
                lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }

        int errorCount() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        long[] total() {
            return Arrays.copyOf(totals, successes.get());
        }

        long[] submit() {
            return Arrays.copyOf(submits, successes.get());
        }

        long[] lag() {
            return Arrays.copyOf(lags, successes.get());
        }

        long[] request(int kind) {
            return Arrays.copyOf(requests[kind], successes.get());
        }

        /** Successful submissions per second, from the first one due to the last one finished. */
        double achievedRate() {
            long span = Math.max(lastEnd.get(), startNanos + 1) - startNanos;
            return successes.get() / (span / 1e9);
        }

        /** Met when every due submission succeeded, the rate held (within 1%) and p99 is within the bound. */
        boolean met(double p99BoundMs) {
            return errorCount() == 0 && notSent.get() == 0 && achievedRate() >= rate * 0.99 && ms(percentile(total(), 0.99)) < p99BoundMs
                    && addedInDatabase == successes.get();
        }
    }

    // --- the resident's HTTP client with its own cookies --------------------------------------

    private final class Resident {
        final int n;
        final String email;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final HttpConnection connection = new HttpConnection(URI.create(base).getHost(), URI.create(base).getPort());
        final Map<String, String> answers;
        String lastCsrf;

        Resident(int n, String email) {
            this.n = n;
            this.email = email;
            SplittableRandom random = new SplittableRandom(n);
            LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
            this.answers = new LinkedHashMap<>();
            answers.put("familyName", "厚木");
            answers.put("familyNameKana", "アツギ");
            answers.put("birthDate", born.toString());
            answers.put("phone", String.format("046-223-%04d", n % 10_000));
            answers.put("copies", Integer.toString(1 + n % 3));
        }

        Map<String, String> answers() {
            return answers;
        }

        String csrf() {
            if (lastCsrf == null) {
                throw new IllegalStateException("no form token seen yet");
            }
            return lastCsrf;
        }

        Response get(String path) throws IOException {
            return send("GET", path, null);
        }

        Response post(String path, Map<String, ?> form) throws IOException {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> {
                for (Object one : value instanceof List<?> list ? list : List.of(value)) {
                    body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                            .append(URLEncoder.encode(String.valueOf(one), StandardCharsets.UTF_8));
                }
            });
            return send("POST", path, body.toString());
        }

        private Response send(String method, String path, String form) throws IOException {
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nAccept-Language: ja\r\nUser-Agent: procedures-submit-bench\r\n");
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            if (form != null) {
                head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            Response response;
            boolean reused = connection.isOpen();
            try {
                response = connection.exchange(request, body, method, path);
            } catch (HttpConnection.ClosedBeforeAnswer idle) {
                if (!reused) {
                    throw idle;
                }
                // the server closed a kept-alive connection before reading this request: send it once more on a new one
                response = connection.exchange(request, body, method, path);
            }
            for (String set : response.headers("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                lastCsrf = token.group(1);
            }
            return response;
        }

        Response expect(Response response, int status) {
            if (response.status() != status) {
                throw new IllegalStateException(response.method() + " " + response.path().replaceAll("\\?.*", "") + " answered "
                        + response.status() + " (expected " + status + ")");
            }
            return response;
        }
    }

    /** A response: status, headers by lower-case name, and the body as text. */
    record Response(String method, String path, int status, Map<String, List<String>> headerMap, String body) {

        List<String> headers(String name) {
            return headerMap.getOrDefault(name, List.of());
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    /**
     * One kept-alive HTTP/1.1 connection of one resident: a blocking socket, requests one at a time.
     * Lighter than java.net.http's client, so that the load generator takes less of the two cores
     * the application runs on.
     */
    static final class HttpConnection {

        static final class ClosedBeforeAnswer extends IOException {
            private static final long serialVersionUID = 1L;

            ClosedBeforeAnswer() {
                super("the server closed the connection before answering");
            }
        }

        private final String hostName;
        private final int port;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        HttpConnection(String hostName, int port) {
            this.hostName = hostName;
            this.port = port;
        }

        boolean isOpen() {
            return socket != null;
        }

        Response exchange(byte[] head, byte[] body, String method, String path) throws IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(hostName, port), 10_000);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16384);
            }
            try {
                out.write(head);
                out.write(body);
                out.flush();
                String statusLine = line();
                if (statusLine == null) {
                    close();
                    throw new ClosedBeforeAnswer();
                }
                int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
                Map<String, List<String>> headers = new HashMap<>();
                String header;
                while ((header = line()) != null && !header.isEmpty()) {
                    int colon = header.indexOf(':');
                    headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(), k -> new ArrayList<>(1))
                            .add(header.substring(colon + 1).strip());
                }
                byte[] content;
                String length = headers.containsKey("content-length") ? headers.get("content-length").get(0) : null;
                boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
                if (chunked) {
                    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(32768);
                    while (true) {
                        String size = line();
                        int n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
                        if (n == 0) {
                            String trailer;
                            while ((trailer = line()) != null && !trailer.isEmpty()) {
                                // trailers are not used
                            }
                            break;
                        }
                        all.write(in.readNBytes(n));
                        line();
                    }
                    content = all.toByteArray();
                } else if (length != null) {
                    content = in.readNBytes(Integer.parseInt(length));
                } else if (status == 204 || status == 304 || (status >= 300 && status < 400 && !headers.containsKey("content-type"))) {
                    content = new byte[0];
                } else {
                    content = in.readAllBytes();
                    close();
                }
                if (headers.getOrDefault("connection", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("close"))) {
                    close();
                }
                return new Response(method, path, status, headers, new String(content, StandardCharsets.UTF_8));
            } catch (java.net.SocketTimeoutException timeout) {
                close();
                throw new HttpTimeoutException(method + " " + path.replaceAll("\\?.*", "") + " had no answer within 30 s");
            } catch (IOException | RuntimeException broken) {
                close();
                throw broken;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private String location(Response response) {
        String where = response.header("location");
        URI uri = URI.create(base).resolve(where);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String find(Pattern pattern, String body, String otherwise) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException(otherwise);
        }
        return m.group(1);
    }

    // --- database: counts and the raw JDBC baseline --------------------------------------------

    private Connection database() throws Exception {
        return DriverManager.getConnection(options.get("db-url"), options.getOrDefault("db-user", "postgres"),
                options.getOrDefault("db-password", ""));
    }

    private long submittedInDatabase() throws Exception {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM procedures.application WHERE status = 'SUBMITTED'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long pendingEvents() {
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception noTable) {
            return -1;
        }
    }

    private record Baseline(int threads, int seconds, long rows, double elapsedSeconds, long[] latencies, int blobLength,
                            long rowsInTable, long distinctReceipts) {
        double rate() {
            return rows / elapsedSeconds;
        }
    }

    /**
     * The same rows as the submitted applications (same columns and values, a random answers blob of
     * their mean sealed length, receipt numbers from the same sequence, a fresh submit key) inserted
     * one per transaction into a copy of the table (columns, defaults, checks and indexes), from
     * {@code threads} connections, as fast as they go.
     */
    private Baseline baseline(int threads, int seconds) throws Exception {
        int blobLength;
        String prefilled;
        int formVersion;
        try (Connection c = database(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT avg(length(answers_sealed))::int, max(form_version) FROM procedures.application WHERE status = 'SUBMITTED'""")) {
                rs.next();
                blobLength = rs.getInt(1);
                formVersion = rs.getInt(2);
            }
            try (ResultSet rs = s.executeQuery("""
                    SELECT prefilled FROM procedures.application WHERE status = 'SUBMITTED' ORDER BY submitted_at DESC LIMIT 1""")) {
                prefilled = rs.next() ? rs.getString(1) : "";
            }
            s.execute("DROP TABLE IF EXISTS procedures.application_baseline");
            s.execute("CREATE TABLE procedures.application_baseline (LIKE procedures.application INCLUDING ALL)");
        }
        List<UUID> applicants = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            applicants.add(UUID.randomUUID());
        }
        AtomicLong rows = new AtomicLong();
        long[][] latencies = new long[threads][];
        long startedAt = System.nanoTime();
        long end = startedAt + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        List<Exception> problems = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                SplittableRandom random = new SplittableRandom(worker);
                byte[] raw = new byte[blobLength * 3 / 4 + 3];
                try (Connection c = database(); PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO procedures.application_baseline (id, procedure_slug, form_version, applicant, status, answers_sealed,
                               prefilled, receipt_number, submit_key, fee_due_yen, created_at, updated_at, submitted_at, draft_expires_at)
                        VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, lpad(nextval('procedures.receipt_number_seq')::text, 10, '0'), ?, NULL,
                                ?, ?, ?, NULL)""")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        for (int b = 0; b < raw.length; b++) {
                            raw[b] = (byte) random.nextInt(256);
                        }
                        String blob = Base64.getEncoder().encodeToString(raw).substring(0, blobLength);
                        Timestamp now = Timestamp.from(Instant.now());
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, slug);
                        insert.setInt(3, formVersion);
                        insert.setObject(4, applicants.get(random.nextInt(applicants.size())));
                        insert.setString(5, blob);
                        insert.setString(6, prefilled);
                        insert.setString(7, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                                + Long.toHexString(random.nextLong()));
                        insert.setTimestamp(8, now);
                        insert.setTimestamp(9, now);
                        insert.setTimestamp(10, now);
                        long t = System.nanoTime();
                        insert.executeUpdate();
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = System.nanoTime() - t;
                        rows.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (problems) {
                        problems.add(e);
                    }
                }
                latencies[worker] = Arrays.copyOf(mine, count);
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - startedAt) / 1e9;
        if (!problems.isEmpty()) {
            failures.add("baseline: " + problems.size() + " inserting threads failed, first: " + problems.get(0));
        }
        long inTable;
        long distinct;
        try (Connection c = database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT receipt_number) FROM procedures.application_baseline")) {
            rs.next();
            inTable = rs.getLong(1);
            distinct = rs.getLong(2);
        }
        if (inTable != rows.get() || distinct != inTable) {
            failures.add("baseline: " + rows.get() + " inserts but " + inTable + " rows (" + distinct + " receipt numbers) in the table");
        }
        long[] all = Arrays.stream(latencies).filter(a -> a != null).flatMapToLong(Arrays::stream).toArray();
        return new Baseline(threads, seconds, rows.get(), elapsed, all, blobLength, inTable, distinct);
    }

    // --- the application process: memory, CPU, JFR ---------------------------------------------

    private static long status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return -1;
    }

    /** CPU time (clock ticks) of the application, of this load generator, of every postgres process, and of the machine. */
    private record Cpu(long app, long generator, long postgres, long busy, long all, long wallNanos) {

        static Cpu now(long appPid) {
            long[] machine = machine();
            return new Cpu(ticks(appPid), ticks(ProcessHandle.current().pid()), postgresTicks(), machine[0], machine[1], System.nanoTime());
        }

        Cpu minus(Cpu before) {
            return new Cpu(app - before.app, generator - before.generator, postgres - before.postgres, busy - before.busy,
                    all - before.all, wallNanos - before.wallNanos);
        }

        /** As cores busy on average over the interval (100 ticks a second). */
        double cores(long ticks) {
            return ticks / 100.0 / (wallNanos / 1e9);
        }

        double machineShare() {
            return all == 0 ? 0 : (double) busy / all;
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long postgresTicks() {
            long sum = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        if (Files.readString(p.resolve("comm")).strip().equals("postgres")) {
                            sum += ticks(Long.parseLong(p.getFileName().toString()));
                        }
                    } catch (IOException gone) {
                        // ended meanwhile
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return sum;
        }

        private static long[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long all = 0;
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    all += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {all - idle, all};
            } catch (IOException e) {
                return new long[] {0, 0};
            }
        }
    }

    private Path jfrFile() {
        return Path.of(options.get("data")).getParent().resolve("procedures-submit.jfr");
    }

    private void jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(appPid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            failures.add("jcmd " + String.join(" ", command) + " failed: " + out.strip());
        }
    }

    /** Where the application's CPU went during the recorded phase: execution samples by hot method, by Machi method and by library. */
    private String summariseRecording(Path file) throws IOException {
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> machi = new HashMap<>();
        Map<String, Integer> machiInclusive = new HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, String> markers = new LinkedHashMap<>();
        markers.put("Thymeleaf (rendering pages)", "org.thymeleaf.");
        markers.put("link rewriting for fingerprinted static files (ResourceUrlEncodingFilter, each th:href)",
                "org.springframework.web.servlet.resource.ResourceUrlEncodingFilter$ResourceUrlEncodingResponseWrapper.encodeURL");
        markers.put("classpath look-ups of static resources (PathResourceResolver)", "org.springframework.web.servlet.resource.PathResourceResolver.");
        markers.put("the catalog read from the database (Catalog.entries)", "org.machi.procedures.catalog.Catalog.entries");
        markers.put("form definitions parsed from JSON (FormJson.read)", "org.machi.procedures.forms.FormJson.read");
        markers.put("Spring Session JDBC (the session in the database)", "org.springframework.session.");
        markers.put("Spring Security filters", "org.springframework.security.");
        markers.put("PostgreSQL JDBC driver", "org.postgresql.");
        markers.put("HikariCP", "com.zaxxer.hikari.");
        markers.put("Tink (sealing and opening answers)", "com.google.crypto.tink.");
        markers.put("Jackson", "tools.jackson.");
        markers.put("Spring MessageSource (texts)", "org.springframework.context.support.");
        markers.put("Machi procedures code (org.machi.procedures)", "org.machi.procedures.");
        markers.put("Tomcat", "org.apache.");
        markers.keySet().forEach(k -> inclusive.put(k, 0));
        int samples = 0;
        long gcNanos = 0;
        int gcs = 0;
        long gcLongest = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcs++;
                    long pause = event.getDuration("sumOfPauses").toNanos();
                    gcNanos += pause;
                    gcLongest = Math.max(gcLongest, event.getDuration("longestPause").toNanos());
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                leaf.merge(frameName(frames.get(0)), 1, Integer::sum);
                frames.stream().map(ProceduresSubmit::frameName).filter(f -> f.startsWith("org.machi.")).findFirst()
                        .ifPresent(f -> machi.merge(f, 1, Integer::sum));
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = frameName(frame);
                    if (name.startsWith("org.machi.") && !name.contains("doFilter") && !name.contains("$$SpringCGLIB$$") && seen.add(name)) {
                        machiInclusive.merge(name, 1, Integer::sum);
                    }
                    markers.forEach((label, prefix) -> {
                        if (name.startsWith(prefix) && seen.add(label)) {
                            inclusive.merge(label, 1, Integer::sum);
                        }
                    });
                }
            }
        }
        int n = Math.max(samples, 1);
        StringBuilder text = new StringBuilder();
        text.append("JFR (`settings=profile`) of the application during the ").append(recordedPhase)
                .append(" phase: ").append(samples).append(" execution samples; ").append(gcs).append(" collections, pauses ")
                .append(String.format("%.0f ms in all, longest %.1f ms", gcNanos / 1e6, gcLongest / 1e6)).append(".\n\n");
        text.append("Share of CPU samples whose stack passes through (overlapping):\n\n| code | samples | share |\n| --- | --- | --- |\n");
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> text.append(String.format("| %s | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n)));
        text.append("\nHottest methods (top of the stack):\n\n| method | samples | share |\n| --- | --- | --- |\n");
        top(leaf, 20).forEach(e -> text.append(String.format("| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n)));
        text.append("\nMachi methods nearest the top of the stack (the Machi code that caused the work):\n\n| method | samples | share |\n| --- | --- | --- |\n");
        top(machi, 15).forEach(e -> text.append(String.format("| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n)));
        text.append("\nMachi methods (filters left out) by samples in them or below them:\n\n| method | samples | share |\n| --- | --- | --- |\n");
        top(machiInclusive, 20).forEach(e -> text.append(String.format("| `%s` | %d | %.1f%% |%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / n)));
        return text.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }

    private static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    // --- the report --------------------------------------------------------------------------

    private static long percentile(long[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String dist(long[] values) {
        return String.format("%.1f / %.1f / %.1f / %.1f", ms(percentile(values, 0.5)), ms(percentile(values, 0.9)),
                ms(percentile(values, 0.99)), ms(Arrays.stream(values).max().orElse(0)));
    }

    private Path report() throws Exception {
        Path folder = Path.of(options.get("results"));
        Files.createDirectories(folder);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC).format(started);
        String label = options.get("label");
        Path report = folder.resolve(stamp + (label.isBlank() ? "" : "-" + label) + ".md");
        long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
        String postgres;
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            postgres = rs.getString(1);
        }
        StringBuilder t = new StringBuilder();
        t.append("# Procedure submissions, ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(started))
                .append(" UTC\n\n");
        t.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
                .append(String.format("%.1f GiB", memTotalKb / 1024.0 / 1024.0)).append(" memory; Java ")
                .append(System.getProperty("java.version")).append("; PostgreSQL ").append(postgres)
                .append(" on the same machine (shared with the other work on it).\n");
        t.append("- Machi: ").append(options.getOrDefault("commit", "?")).append("; JVM options `")
                .append(options.getOrDefault("app-opts", "")).append("`; settings: ").append(options.getOrDefault("app-settings", "")).append("\n");
        t.append("- Form: `").append(slug).append("` with one step of five fields (").append(String.join(", ", residents.get(0).answers.keySet()))
                .append("), no attachment (bench/procedures-submit/form/).\n");
        t.append("- ").append(residents.size()).append(" residents signed up through the mail files and signed in with a password before the ")
                .append("measured phases (").append(setUpTook.toSeconds()).append(" s, not measured), each with its own cookies; ")
                .append("a warm-up of ").append(options.get("warmup")).append(" s at half the first rate, not measured.\n");
        t.append("- A submission is six requests, as a browser makes them: `POST /procedures/").append(slug)
                .append("/apply` (start a draft), `GET` the step it leads to, `POST` the step, `GET` check-answers (submit key), ")
                .append("`POST` check-answers (submit), `GET` the confirmation page, which must show a receipt number. From the second ")
                .append("submission on, a resident's name, kana, birth date and phone are prefilled from their earlier application ")
                .append("(shown as already known, posted back as `known`); the number of copies is typed each time.\n");
        t.append("- Open-loop pacing: one submission due every 1/rate s, taken by a resident not busy with another (at most ")
                .append(residents.size()).append(" at once); latency is from the moment it was due (coordinated omission ")
                .append("counted), so a backlog shows. \"Final submit\" is the `POST` check-answers alone, from its sending.\n\n");
        t.append("| | ").append(phases.stream().map(p -> p.name).collect(Collectors.joining(" | "))).append(" |\n");
        t.append("| --- |").append(" --- |".repeat(phases.size())).append("\n");
        row(t, "submissions due (rate × s)", p -> p.intended + " (" + p.rate + " × " + p.seconds + ")");
        row(t, "succeeded", p -> Integer.toString(p.successes.get()));
        row(t, "**succeeded per second** (first due → last done)", p -> String.format("**%.0f**", p.achievedRate()));
        row(t, "errors", p -> p.errorCount() + (p.errors.isEmpty() ? "" : " " + p.errors));
        row(t, "not sent (server behind by more than the phase)", p -> Long.toString(p.notSent.get()));
        row(t, "**whole submission p50 / p90 / p99 / max ms**", p -> "**" + dist(p.total()) + "**");
        row(t, "final submit p50 / p90 / p99 / max ms", p -> dist(p.submit()));
        for (int k = 0; k < KINDS.length; k++) {
            int kind = k;
            if (kind == 4) {
                continue;
            }
            row(t, KINDS[k] + " p50 / p99 ms", p -> String.format("%.1f / %.1f", ms(percentile(p.request(kind), 0.5)),
                    ms(percentile(p.request(kind), 0.99))));
        }
        row(t, "wait for a free resident p99 / max ms", p -> String.format("%.1f / %.1f", ms(percentile(p.lag(), 0.99)),
                ms(Arrays.stream(p.lag()).max().orElse(0))));
        row(t, "applications added in the database", p -> p.addedInDatabase + (p.addedInDatabase == p.successes.get() ? " (= succeeded)"
                : " (**differs**)"));
        row(t, "event publications incomplete after the phase", p -> p.pendingEvents < 0 ? "n/a" : Long.toString(p.pendingEvents));
        row(t, "CPU, cores: app / PostgreSQL (all its processes) / load generator", p -> String.format("%.2f / %.2f / %.2f",
                p.cpu.cores(p.cpu.app), p.cpu.cores(p.cpu.postgres), p.cpu.cores(p.cpu.generator)));
        row(t, "machine busy / of which other processes, cores", p -> String.format("%.0f%% / %.2f", 100 * p.cpu.machineShare(),
                Math.max(0, p.cpu.cores(p.cpu.busy) - p.cpu.cores(p.cpu.app) - p.cpu.cores(p.cpu.postgres) - p.cpu.cores(p.cpu.generator))));
        row(t, "app RSS after the phase", p -> String.format("%.0f MiB", p.rssAfterKb / 1024.0));
        row(t, "≥ rate, p99 < 200 ms (target)", p -> p.met(200) ? "met" : "not met");
        row(t, "≥ rate, p99 ≤ 100 ms (stretch)", p -> p.met(100.000001) ? "met" : "not met");
        t.append("\n\"Met\" means every due submission succeeded, the rate held within 1 %, p99 of the whole submission is within the bound ")
                .append("and the database holds exactly one application per success.\n\n");
        t.append("## Baseline: raw JDBC inserts of the same rows, same run\n\n");
        t.append("| | |\n| --- | --- |\n");
        t.append("| threads (= the app's connection pool, Hikari's default maximum) | ").append(baseline.threads()).append(" |\n");
        t.append("| duration | ").append(String.format("%.1f s", baseline.elapsedSeconds())).append(" |\n");
        t.append("| rows inserted (one per transaction) | ").append(baseline.rows()).append(" |\n");
        t.append("| **rows per second** | **").append(String.format("%.0f", baseline.rate())).append("** |\n");
        t.append("| insert p50 / p90 / p99 / max ms | ").append(dist(baseline.latencies())).append(" |\n");
        t.append("| answers blob (random Base64, the mean length of the sealed answers) | ").append(baseline.blobLength()).append(" characters |\n");
        t.append("| rows in the table / distinct receipt numbers | ").append(baseline.rowsInTable()).append(" / ")
                .append(baseline.distinctReceipts()).append(" |\n\n");
        t.append("Into `procedures.application_baseline`, made with `LIKE procedures.application INCLUDING ALL` (columns, defaults, ")
                .append("checks, primary key, unique receipt number and submit key, both indexes; no foreign key), the application ")
                .append("idle meanwhile; receipt numbers from `procedures.receipt_number_seq` in the insert.\n\n");
        for (Phase p : phases) {
            t.append(String.format("- %s: %.0f submissions/s = %.2f of the baseline's rows/s.%n", p.name, p.achievedRate(),
                    p.achievedRate() / baseline.rate()));
        }
        t.append("\n## Memory\n\n");
        t.append(String.format("Peak RSS of the application (VmHWM) at the end: %.0f MiB; VmRSS %.0f MiB. JVM options `%s`.%n%n",
                status(appPid, "VmHWM") / 1024.0, status(appPid, "VmRSS") / 1024.0, options.getOrDefault("app-opts", "")));
        if (!jfrSummary.isEmpty()) {
            t.append("## Where the application's time went\n\n").append(jfrSummary).append("\n");
        }
        t.append("## Failures\n\n");
        if (failures.isEmpty()) {
            t.append("None.\n");
        }
        failures.forEach(f -> t.append("- ").append(f).append("\n"));
        for (Phase p : phases) {
            p.firstErrors.forEach(e -> t.append("    - ").append(p.name).append(": ").append(e).append("\n"));
        }
        String extra = options.getOrDefault("notes-file", "");
        if (!extra.isBlank() && Files.isRegularFile(Path.of(extra))) {
            t.append("\n").append(Files.readString(Path.of(extra)));
        }
        Files.writeString(report, t.toString());
        return report;
    }

    private void row(StringBuilder t, String label, java.util.function.Function<Phase, String> cell) {
        t.append("| ").append(label).append(" | ").append(phases.stream().map(cell).collect(Collectors.joining(" | "))).append(" |\n");
    }

    private static void say(String format, Object... args) {
        System.out.printf("%s %s%n", DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now()),
                String.format(format, args));
    }
}

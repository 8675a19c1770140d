import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the embedded default busy with a resident's writes for a long time and reports every
 * failure: subscribing by mail and confirming from the mail, signing up and setting a password
 * from the mail, signing in, and readiness in between. Faults that appear only after half an hour
 * (a pool retiring its first connections, caches filling, files piling up) show here and in no
 * test. Starts the jar itself on free ports with a fresh data folder, and stops it at the end.
 *
 * <pre>java Soak.java --jar target/machi.jar --minutes 40 --interval 3 --results DIR [--label NAME] [-- app args…]</pre>
 */
public class Soak {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneId.of("Asia/Tokyo"));

    private final Path data;
    private final String base;
    private final Map<String, int[]> outcomes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Instant started = Instant.now();
    private int round;

    Soak(Path data, int port) {
        this.data = data;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("minutes", "40", "interval", "3", "results", "bench/shared-soak/results", "label", ""));
        List<String> appArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                appArgs.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            options.put(args[i].replaceFirst("^--", ""), args[++i]);
        }
        Path jar = Path.of(options.getOrDefault("jar", ""));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar must name the built Machi jar");
        }
        Duration length = Duration.ofMinutes(Long.parseLong(options.get("minutes")));
        Duration interval = Duration.ofSeconds(Long.parseLong(options.get("interval")));
        Path data = Files.createTempDirectory("machi-soak-");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + freePort(),
                // one client address makes every request here: the per-address limits would refuse the soak itself
                "--machi.alerts.subscribe.requests-per-address=100000000",
                "--machi.identity.throttle.attempts-per-address=100000000"));
        command.addAll(appArgs);
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile())
                .directory(data.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::destroy));
        Soak soak = new Soak(data, port);
        int exit;
        try {
            soak.waitUntilReady(app);
            soak.run(length, interval, app);
        } finally {
            app.destroy();
            app.waitFor();
            Path report = soak.report(Path.of(options.get("results")), options.get("label"), jar, length, interval, appArgs);
            System.out.println(Files.readString(report));
            exit = soak.failures.isEmpty() ? 0 : 1;
        }
        System.exit(exit);
    }

    private void waitUntilReady(Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(giveUp)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Machi stopped at start; see " + data.resolve("app.log"));
            }
            try {
                if (http.send(get("/readyz"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Machi was not ready within 2 minutes; see " + data.resolve("app.log"));
    }

    private void run(Duration length, Duration interval, Process app) throws InterruptedException {
        Instant end = started.plus(length);
        while (Instant.now().isBefore(end) && app.isAlive()) {
            Instant next = Instant.now().plus(interval);
            round++;
            String address = "soak-" + round + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
            HttpClient resident = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            step("subscribe", () -> subscribe(resident, address));
            step("sign-up", () -> signUp(resident, address));
            step("readyz", () -> expect(resident.send(get("/readyz"), HttpResponse.BodyHandlers.ofString()), 200));
            if (round % 100 == 0) {
                System.out.printf("%s round %d, %d failures%n", Duration.between(started, Instant.now()).toMinutes() + " min", round,
                        failures.size());
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
        }
        if (!app.isAlive()) {
            failures.add(elapsed() + " the application stopped");
        }
    }

    /** Subscribes by mail for the whole city, then confirms from the link in the mail. */
    private void subscribe(HttpClient resident, String address) throws Exception {
        String token = csrf(resident, "/alerts/subscribe");
        expect(resident.send(post("/alerts/subscribe", Map.of("_csrf", token, "email", address, "language", "ja",
                "wholeCity", "on", "byEmail", "on")), HttpResponse.BodyHandlers.ofString()), 200);
        String confirm = linkInMail(address, "/alerts/subscribe/confirm?token=");
        String page = csrf(resident, confirm);
        expect(resident.send(post("/alerts/subscribe/confirm", Map.of("_csrf", page, "token", query(confirm))),
                HttpResponse.BodyHandlers.ofString()), 200);
    }

    /** Signs up, sets a password from the link in the mail, and signs in with it. */
    private void signUp(HttpClient resident, String address) throws Exception {
        String token = csrf(resident, "/sign-up");
        expect(resident.send(post("/sign-up", Map.of("_csrf", token, "email", address)), HttpResponse.BodyHandlers.ofString()), 302);
        String confirm = linkInMail(address, "/sign-up/confirm?token=");
        String password = "soak " + UUID.randomUUID();
        String page = csrf(resident, confirm);
        expect(resident.send(post("/sign-up/confirm", Map.of("_csrf", page, "token", query(confirm), "password", password,
                "confirmation", password)), HttpResponse.BodyHandlers.ofString()), 302);
        HttpClient again = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String signIn = csrf(again, "/sign-in");
        HttpResponse<String> signedIn = again.send(post("/sign-in", Map.of("_csrf", signIn, "login", address, "password", password)),
                HttpResponse.BodyHandlers.ofString());
        expect(signedIn, 302);
        String where = signedIn.headers().firstValue("Location").orElse("");
        if (where.contains("error") || where.contains("throttled")) {
            throw new IllegalStateException("sign-in refused: " + where);
        }
        expect(again.send(get("/account"), HttpResponse.BodyHandlers.ofString()), 200);
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) {
        int[] counts = outcomes.computeIfAbsent(name, n -> new int[2]);
        try {
            step.run();
            counts[0]++;
        } catch (Exception | AssertionError failed) {
            counts[1]++;
            failures.add(elapsed() + " " + name + ": " + failed);
            System.out.println("FAILED " + failures.get(failures.size() - 1));
        }
    }

    private String elapsed() {
        Duration since = Duration.between(started, Instant.now());
        return String.format("%d:%02d", since.toMinutes(), since.toSecondsPart());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + " (expected " + status + ")");
        }
    }

    private String csrf(HttpClient client, String path) throws Exception {
        HttpResponse<String> page = client.send(get(path), HttpResponse.BodyHandlers.ofString());
        expect(page, 200);
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError(path + " has no form token");
        }
        return token.group(1);
    }

    /** The link a mail to the address carries; mails are .eml files in the data folder (no SMTP configured). */
    private String linkInMail(String address, String prefix) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(20);
        Pattern link = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_\\-]+");
        while (Instant.now().isBefore(giveUp)) {
            Optional<String> found = mailsTo(address).map(link::matcher).filter(Matcher::find).map(m -> m.group()).findFirst();
            if (found.isPresent()) {
                String url = found.get();
                return url.substring(url.indexOf(prefix.substring(0, prefix.indexOf('?'))));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail with " + prefix + " reached " + address + " within 20 s");
    }

    private Stream<String> mailsTo(String address) throws IOException {
        Path mail = data.resolve("data/mail");
        if (!Files.isDirectory(mail)) {
            return Stream.empty();
        }
        List<String> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(mail)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                String message = Files.readString(file, StandardCharsets.ISO_8859_1);
                // a file still being written has no body yet, or half of one: read it on the next look
                Optional<String> body = message.contains(address) ? body(message) : Optional.empty();
                if (body.isPresent()) {
                    bodies.add(body.get());
                    Files.delete(file);
                }
            }
        }
        return bodies.stream();
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

    private static String query(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).header("Accept-Language", "ja").GET().build();
    }

    private HttpRequest post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "ja")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Path report(Path folder, String label, Path jar, Duration length, Duration interval, List<String> appArgs)
            throws IOException {
        Files.createDirectories(folder);
        Path report = folder.resolve("soak-" + STAMP.format(started) + (label.isBlank() ? "" : "-" + label) + ".md");
        List<String> errors;
        try (Stream<String> log = Files.lines(data.resolve("app.log"), StandardCharsets.UTF_8)) {
            errors = log.filter(line -> line.contains(" ERROR ")).toList();
        }
        StringBuilder text = new StringBuilder("# Soak of the embedded default, " + STAMP.format(started) + " (Asia/Tokyo)\n\n");
        text.append("- jar: `").append(jar.getFileName()).append("`; app arguments beyond the ports and per-address limits: `")
                .append(appArgs.isEmpty() ? "none" : String.join(" ", appArgs)).append("`\n");
        text.append("- planned ").append(length.toMinutes()).append(" min, one round every ").append(interval.toSeconds())
                .append(" s; ran ").append(elapsed()).append(" (min:s), ").append(round).append(" rounds\n\n");
        text.append("| step | passed | failed |\n| --- | --- | --- |\n");
        outcomes.forEach((name, counts) -> text.append("| ").append(name).append(" | ").append(counts[0]).append(" | ")
                .append(counts[1]).append(" |\n"));
        text.append("\n").append(failures.isEmpty() ? "No failure.\n" : "## Failures (" + failures.size() + ", first 30)\n\n");
        failures.stream().limit(30).forEach(f -> text.append("- ").append(f).append("\n"));
        text.append("\nLines logged at ERROR by the application: ").append(errors.size()).append("\n");
        errors.stream().limit(10).forEach(line -> text.append("    ").append(line.length() > 300 ? line.substring(0, 300) : line).append("\n"));
        Files.writeString(report, text.toString());
        return report;
    }
}

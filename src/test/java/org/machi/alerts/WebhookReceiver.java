package org.machi.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/** A local HTTP server standing in for a subscriber's webhook endpoint; it records every call. */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as received: the three Standard Webhooks headers and the body. */
    public record Call(String id, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        this(204);
    }

    /** A receiver that answers every call with this status (410: "this webhook is gone"). */
    public WebhookReceiver(int status) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            calls.add(new Call(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits up to ten seconds for at least this many calls; fewer is a failure. */
    public List<Call> await(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.size() >= count);
        return calls();
    }

    public Map<String, Long> countById() {
        return calls.stream().collect(Collectors.groupingBy(Call::id, Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

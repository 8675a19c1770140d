package org.machi.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;

/**
 * A local HTTP server standing in for a browser vendor's push service (RFC 8030): it records every
 * push it is sent and answers 201 Created, or 410 Gone for a subscription under {@code /gone/}.
 */
public final class PushService implements AutoCloseable {

    /** One push as received: the path (the subscription), the headers that matter, the encrypted body. */
    public record Push(String path, Map<String, String> headers, byte[] body) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    public PushService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            Map<String, String> headers = new java.util.HashMap<>();
            for (String name : List.of("Authorization", "Content-Encoding", "Content-Type", "TTL", "Urgency")) {
                if (h.getFirst(name) != null) {
                    headers.put(name, h.getFirst(name));
                }
            }
            String path = exchange.getRequestURI().getPath();
            pushes.add(new Push(path, headers, body));
            exchange.sendResponseHeaders(path.startsWith("/gone/") ? 410 : 201, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The origin push tokens are addressed to, e.g. http://localhost:40123. */
    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A new endpoint for one browser; under /gone/ the service has forgotten it. */
    public String endpoint(boolean gone) {
        return origin() + (gone ? "/gone/" : "/push/") + java.util.UUID.randomUUID();
    }

    /** Pushes to this endpoint, waiting up to ten seconds for at least {@code count}; fewer is a failure. */
    public List<Push> await(String endpoint, int count) {
        String path = endpoint.substring(origin().length());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received(path).size() >= count);
        return received(path);
    }

    /** Every push received so far, to any endpoint. */
    public List<Push> received() {
        return List.copyOf(pushes);
    }

    private List<Push> received(String path) {
        return pushes.stream().filter(p -> p.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

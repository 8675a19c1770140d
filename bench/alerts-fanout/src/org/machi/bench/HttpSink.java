package org.machi.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A webhook receiver that answers 204 and counts calls and distinct webhook-ids. */
final class HttpSink implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    HttpSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null && ids.add(id) && id.startsWith("msg_")) {
                deliveries.incrementAndGet();
            }
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    long calls() {
        return calls.get();
    }

    /**
     * Distinct webhook-ids of deliveries (the raw sender's calls are not counted), counted as they
     * arrive: the bench asks every 50 ms, and scanning the ids each time took a fifth of the
     * application's CPU samples during the fan-out (JFR), time the system under test then lacked.
     */
    long distinctDeliveries() {
        return deliveries.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

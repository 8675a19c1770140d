package org.machi.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.machi.MachiApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Two Machi nodes behind one imaginary load balancer: two application contexts in this JVM, each
 * on a port and data directory of its own, with a mail server of its own (so that a test sees which
 * node sent what), on one fresh PostgreSQL database with the same key-encryption key. They start
 * at the same time, and their start-up work (first administrator, demo, ...) runs in step, so that
 * whatever two nodes could do twice at their first start is tried twice.
 */
public final class TwoNodes implements AutoCloseable {

    /** One node. */
    public record Node(String name, ConfigurableApplicationContext context, GreenMail mail, Path dataDir) {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        public int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        public String url(String path) {
            return "http://localhost:" + port() + path;
        }
    }

    public final Node a;
    public final Node b;
    public final String databaseUrl;

    private TwoNodes(Node a, Node b, String databaseUrl) {
        this.a = a;
        this.b = b;
        this.databaseUrl = databaseUrl;
    }

    /** Starts both nodes with the given extra properties ({@code name=value}) and waits until both serve. */
    public static TwoNodes start(String... properties) throws Exception {
        String database = TestPostgres.anotherDatabaseUrl();
        CyclicBarrier startUpWork = new CyclicBarrier(2);
        List<GreenMail> mailServers = new ArrayList<>();
        CompletableFuture<Node> a = CompletableFuture.supplyAsync(() -> node("a", database, startUpWork, mailServers, properties));
        CompletableFuture<Node> b = CompletableFuture.supplyAsync(() -> node("b", database, startUpWork, mailServers, properties));
        try {
            return new TwoNodes(a.get(3, TimeUnit.MINUTES), b.get(3, TimeUnit.MINUTES), database);
        } catch (Exception failed) {
            Stream.of(a, b).forEach(node -> node.thenAccept(started -> started.context().close()));
            synchronized (mailServers) {
                mailServers.forEach(GreenMail::stop);
            }
            throw failed;
        }
    }

    private static Node node(String name, String database, CyclicBarrier startUpWork, List<GreenMail> mailServers,
                             String... properties) {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        synchronized (mailServers) {
            mailServers.add(mail);
        }
        try {
            Path dataDir = Files.createTempDirectory("machi-node-" + name);
            List<String> args = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + database,
                    "--spring.datasource.username=" + TestPostgres.user(),
                    "--spring.datasource.password=" + TestPostgres.password(),
                    "--machi.crypto.key-encryption-key=" + TestPostgres.KEY_ENCRYPTION_KEY,
                    "--machi.data-dir=" + dataDir,
                    "--server.port=0",
                    "--management.server.port=-1",
                    "--spring.main.banner-mode=off",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + mail.getSmtp().getPort(),
                    "--machi.base-url=http://machi.test",
                    "--spring.datasource.hikari.pool-name=machi-" + name,
                    // the tests run the delivery workers themselves, on both nodes at once
                    "--machi.alerts.delivery.enabled=false"));
            Stream.of(properties).map(property -> "--" + property).forEach(args::add);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(MachiApplication.class)
                    .profiles("postgres")
                    .initializers(app -> app.getBeanFactory().registerSingleton("startUpWorkInStep", inStep(startUpWork)))
                    .run(args.toArray(String[]::new));
            return new Node(name, context, mail, dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start", e);
        }
    }

    /** Runs before every other start-up runner, and lets them go once both nodes are there. */
    private static ApplicationRunner inStep(CyclicBarrier barrier) {
        record InStep(CyclicBarrier barrier) implements ApplicationRunner, Ordered {
            @Override
            public void run(ApplicationArguments args) throws InterruptedException, BrokenBarrierException, TimeoutException {
                barrier.await(1, TimeUnit.MINUTES);
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        }
        return new InStep(barrier);
    }

    @Override
    public void close() {
        Stream.of(a, b).parallel().forEach(node -> {
            node.context().close();
            node.mail().stop();
        });
    }
}

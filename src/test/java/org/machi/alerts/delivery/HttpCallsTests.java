package org.machi.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.PushService;
import org.machi.alerts.subscriptions.PushEndpoints;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.OutgoingMail.Outcome;
import org.machi.shared.RateLimits;
import org.machi.testing.BoundSettings;
import org.machi.testing.HashingOnly;

/**
 * A call connects to the addresses that were checked, and to no other: a name that answers a
 * public address first and a private one afterwards (DNS rebinding) never reaches the private
 * one, and the check is made again before every call.
 */
class HttpCallsTests {

    /** A public address that is never reached from here in time (the connect timeout is short): where a rebinding name points first. */
    private static final String PUBLIC = "8.8.8.8";

    private ServerSocket internal;
    private final AtomicInteger connectionsToInternal = new AtomicInteger();

    /** Stands for a system inside the city's network: it counts every connection made to it. */
    @BeforeEach
    void internalSystem() throws IOException {
        internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!internal.isClosed()) {
                try (Socket accepted = internal.accept()) {
                    connectionsToInternal.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException ignored) {
                    // the next one
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        internal.close();
    }

    @Test
    void aNameThatRebindsToAPrivateAddressAfterTheCheckIsNeverConnectedToIt() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        WebhookAddresses.HostResolver rebinding = host -> new InetAddress[] {
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? PUBLIC : "127.0.0.1")};
        WebhookAddresses addresses = new WebhookAddresses(false, rebinding);
        String url = "https://hooks.rebinding.example:" + internal.getLocalPort() + "/hook";
        assertThat(addresses.formProblem(url)).isEmpty();

        try (HttpCalls calls = new HttpCalls(addresses, addresses::formProblem, rate(), 4, Duration.ofMillis(300))) {
            List<Deliveries.Result> results = calls.callEach(List.of(due()), due -> url,
                    (due, target) -> SimpleRequestBuilder.post(URI.create(target)).setBody("{}", ContentType.APPLICATION_JSON).build(), (due, status) -> {
                        throw new AssertionError("no answer can come from an address that is not reached");
                    });
            assertThat(results.get(0).outcome()).isEqualTo(Outcome.Result.RETRY);
        }
        assertThat(connectionsToInternal).as("nothing reached the private address").hasValue(0);
        assertThat(lookups).as("one lookup for the check and the connection").hasValue(1);
    }

    @Test
    void aNameAnsweringAPublicAndAPrivateAddressIsRefusedWithoutConnecting() throws Exception {
        WebhookAddresses addresses = new WebhookAddresses(false, host -> new InetAddress[] {
                InetAddress.getByName(PUBLIC), InetAddress.getByName("127.0.0.1")});
        String url = "https://hooks.mixed.example:" + internal.getLocalPort() + "/hook";
        try (HttpCalls calls = new HttpCalls(addresses, addresses::formProblem, rate(), 4, Duration.ofMillis(300))) {
            Deliveries.Result result = calls.callEach(List.of(due()), due -> url,
                    (due, target) -> SimpleRequestBuilder.post(URI.create(target)).build(), (due, status) -> {
                        throw new AssertionError("not called");
                    }).get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.Result.REFUSED);
            assertThat(result.reason()).isEqualTo("address-not-allowed");
        }
        assertThat(connectionsToInternal).hasValue(0);
    }

    @Test
    void aPushEndpointOffTheListIsNotCalledEvenIfItWasStoredBefore() throws Exception {
        WebhookAddresses addresses = new WebhookAddresses(true, InetAddress::getAllByName);
        PushEndpoints onlyTheBrowsersServices = new PushEndpoints(BoundSettings.of(AlertsProperties.class,
                "machi.alerts.push.allowed-hosts=fcm.googleapis.com"), addresses);
        try (PushService service = new PushService();
             HttpCalls calls = new HttpCalls(addresses, onlyTheBrowsersServices::formProblem, rate(), 4)) {
            String endpoint = service.endpoint(false);
            Deliveries.Result result = calls.callEach(List.of(due()), due -> endpoint,
                    (due, target) -> SimpleRequestBuilder.post(URI.create(target)).build(), (due, status) -> {
                        throw new AssertionError("not called");
                    }).get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.Result.REFUSED);
            assertThat(service.received()).isEmpty();

            PushEndpoints withTheLocalService = new PushEndpoints(BoundSettings.of(AlertsProperties.class,
                    "machi.alerts.push.allowed-hosts=localhost"), addresses);
            try (HttpCalls allowed = new HttpCalls(addresses, withTheLocalService::formProblem, rate(), 4)) {
                Deliveries.Result sent = allowed.callEach(List.of(due()), due -> endpoint,
                        (due, target) -> SimpleRequestBuilder.post(URI.create(target)).build(),
                        (due, status) -> new Deliveries.Result(due, status == 201 ? Outcome.Result.SENT : Outcome.Result.RETRY, null)).get(0);
                assertThat(sent.outcome()).as("the same endpoint, once its host is on the list").isEqualTo(Outcome.Result.SENT);
            }
        }
    }

    private static Deliveries.Due due() {
        return new Deliveries.Due(new Deliveries.Key(UUID.randomUUID(), UUID.randomUUID(), Deliveries.Channel.PUSH), null, 0, "ja",
                "sealed", "sealed", false);
    }

    private static RateLimit rate() {
        return new RateLimit(RateLimits.inMemory(new HashingOnly()), "test", 100);
    }
}

package org.machi.alerts.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.OutgoingMail.Outcome;

/**
 * A batch of deliveries as calls to other servers (webhook receivers, push services): concurrent
 * within a limit and a rate per second, redirects not followed. Each address is checked before it
 * is called, and the connection's own name lookup is the checked one: the client connects only to
 * addresses that {@link WebhookAddresses#callableAddresses} has just looked up and allowed, so a
 * name that answers a public address to a check and a private one a moment later (DNS rebinding)
 * never reaches the private one. TLS still verifies the certificate for the name, and sends it
 * (SNI), as the Host header does.
 */
final class HttpCalls implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(10);

    private final CloseableHttpAsyncClient http;
    private final Function<String, Optional<String>> formProblem;
    private final RateLimit rate;
    private final Semaphore concurrent;

    /** What an answer's status means for one delivery. */
    interface Judge {
        Result judge(Due due, int status);
    }

    /**
     * @param addresses   whose lookup the connections use
     * @param formProblem what may be told of an address without looking it up (empty when it may be called)
     */
    HttpCalls(WebhookAddresses addresses, Function<String, Optional<String>> formProblem, RateLimit rate, int concurrency) {
        this(addresses, formProblem, rate, concurrency, CONNECT_TIMEOUT);
    }

    HttpCalls(WebhookAddresses addresses, Function<String, Optional<String>> formProblem, RateLimit rate, int concurrency,
              Duration connectTimeout) {
        this.formProblem = formProblem;
        this.rate = rate;
        this.concurrent = new Semaphore(concurrency);
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedLookup(addresses))
                        .setMaxConnTotal(concurrency)
                        .setMaxConnPerRoute(concurrency)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.http.start();
    }

    /**
     * Calls each delivery's address with the request made for it. An address that may not be
     * called, or a request that cannot be made, is refused; a call that fails is tried again later.
     */
    List<Result> callEach(List<Due> batch, Function<Due, String> address, BiFunction<Due, String, SimpleHttpRequest> request,
                          Judge judge) {
        rate.take(batch.size());
        Map<String, Optional<String>> checked = new HashMap<>();
        List<CompletableFuture<Result>> calls = new ArrayList<>();
        for (Due due : batch) {
            SimpleHttpRequest call;
            try {
                String url = address.apply(due);
                if (checked.computeIfAbsent(url, formProblem).isPresent()) {
                    calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, "address-not-allowed")));
                    continue;
                }
                call = request.apply(due, url);
            } catch (RuntimeException unusable) {
                calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, unusable.getClass().getSimpleName())));
                continue;
            }
            concurrent.acquireUninterruptibly();
            CompletableFuture<Result> result = new CompletableFuture<>();
            try {
                http.execute(SimpleRequestProducer.create(call), new BasicResponseConsumer<>(new DiscardingEntityConsumer<>()),
                        new Answered(due, judge, result));
            } catch (RuntimeException refusedAtOnce) {
                concurrent.release(); // a permit lost here would be lost for good
                result.complete(new Result(due, Outcome.Result.RETRY, refusedAtOnce.getClass().getSimpleName()));
            }
            calls.add(result);
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    /** One call's end: its permit back, its answer judged, or its failure recorded. */
    private final class Answered implements FutureCallback<Message<HttpResponse, Void>> {

        private final Due due;
        private final Judge judge;
        private final CompletableFuture<Result> result;

        Answered(Due due, Judge judge, CompletableFuture<Result> result) {
            this.due = due;
            this.judge = judge;
            this.result = result;
        }

        @Override
        public void completed(Message<HttpResponse, Void> answer) {
            concurrent.release();
            try {
                result.complete(judge.judge(due, answer.getHead().getCode()));
            } catch (RuntimeException | Error misjudged) {
                result.completeExceptionally(misjudged); // the batch must end, not wait for ever
            }
        }

        @Override
        public void failed(Exception failure) {
            concurrent.release();
            result.complete(notAllowed(failure) ? new Result(due, Outcome.Result.REFUSED, "address-not-allowed")
                    : new Result(due, Outcome.Result.RETRY, (failure.getCause() != null ? failure.getCause() : failure).getClass().getSimpleName()));
        }

        @Override
        public void cancelled() {
            concurrent.release();
            result.complete(new Result(due, Outcome.Result.RETRY, "cancelled"));
        }

        private static boolean notAllowed(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof WebhookAddresses.AddressNotAllowed) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The connection's name lookup: one lookup, every address checked, only those connected to. */
    private record CheckedLookup(WebhookAddresses addresses) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses.callableAddresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only asked for by Kerberos and SPNEGO, which these calls never use
        }
    }
}

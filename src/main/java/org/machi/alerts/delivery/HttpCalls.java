package org.machi.alerts.delivery;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.machi.alerts.subscriptions.WebhookAddresses;
import org.machi.shared.OutgoingMail.Outcome;

/**
 * A batch of deliveries as calls to other servers (webhook receivers, push services): concurrent
 * within a limit and a rate per second, redirects not followed, and each address checked before it
 * is called (https, not inside a private network), since a name can come to point elsewhere.
 */
final class HttpCalls {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final WebhookAddresses addresses;
    private final RateLimit rate;
    private final Semaphore concurrent;

    /** What an answer's status means for one delivery. */
    interface Judge {
        Result judge(Due due, int status);
    }

    HttpCalls(WebhookAddresses addresses, RateLimit rate, int concurrency) {
        this.addresses = addresses;
        this.rate = rate;
        this.concurrent = new Semaphore(concurrency);
    }

    /**
     * Calls each delivery's address with the request made for it. An address that may not be
     * called, or a request that cannot be made, is refused; a call that fails is tried again later.
     */
    List<Result> callEach(List<Due> batch, Function<Due, String> address, BiFunction<Due, String, HttpRequest> request, Judge judge) {
        rate.take(batch.size());
        Map<String, Optional<String>> checked = new HashMap<>();
        List<CompletableFuture<Result>> calls = new ArrayList<>();
        for (Due due : batch) {
            HttpRequest call;
            try {
                String url = address.apply(due);
                if (checked.computeIfAbsent(url, addresses::problem).isPresent()) {
                    calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, "address-not-allowed")));
                    continue;
                }
                call = request.apply(due, url);
            } catch (RuntimeException unusable) {
                calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.REFUSED, unusable.getClass().getSimpleName())));
                continue;
            }
            concurrent.acquireUninterruptibly();
            CompletableFuture<HttpResponse<Void>> sent;
            try {
                sent = http.sendAsync(call, HttpResponse.BodyHandlers.discarding());
            } catch (RuntimeException refusedAtOnce) {
                concurrent.release(); // a permit lost here would be lost for good
                calls.add(CompletableFuture.completedFuture(new Result(due, Outcome.Result.RETRY, refusedAtOnce.getClass().getSimpleName())));
                continue;
            }
            calls.add(sent.handle((response, failure) -> {
                concurrent.release();
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    return new Result(due, Outcome.Result.RETRY, cause.getClass().getSimpleName());
                }
                return judge.judge(due, response.statusCode());
            }));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }
}

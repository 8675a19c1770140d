package org.machi.alerts.delivery;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.delivery.Deliveries.Channel;
import org.machi.alerts.delivery.Deliveries.Due;
import org.machi.alerts.delivery.Deliveries.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The worker that empties the delivery outbox: it claims a batch (affected districts first), hands
 * it to each channel, records the outcomes, and goes on until nothing is due. It starts right after
 * a publication on this node, and the persistent scheduler runs it every few seconds as well, so
 * that work a crashed node left behind is finished once its claims lapse.
 */
@Component
public class DeliveryRun {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);

    /**
     * Within a batch, webhooks (a few concurrent calls, often to relays that reach many people) and
     * pushes go before the batch's mail (one message after another over one connection).
     */
    private static final List<Channel> SENDING_ORDER = List.of(Channel.WEBHOOK, Channel.PUSH, Channel.EMAIL);

    private final Deliveries deliveries;
    /** False on a node that must not deliver (e.g. an administration node); another node does it. */
    private final boolean enabled;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final int batchSize;
    private final Duration lease;
    private final Duration checkEvery;
    private final int workers;
    private final String worker = "worker-" + UUID.randomUUID();
    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(daemon("alert-delivery"));
    private final ExecutorService pool;
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(daemon("alert-delivery-lease"));

    DeliveryRun(Deliveries deliveries, List<DeliveryChannel> channels, AlertsProperties properties) {
        AlertsProperties.Delivery settings = properties.delivery();
        this.deliveries = deliveries;
        this.enabled = settings.enabled();
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.batchSize = settings.batchSize();
        this.lease = settings.lease();
        this.checkEvery = settings.checkEvery();
        // Delivery is CPU-bound: more workers than processors add no throughput, but take CPU time
        // from the pages residents are reading meanwhile (measured in bench/alerts-fanout).
        this.workers = settings.workers() > 0 ? settings.workers() : Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(this.workers, daemon("alert-delivery-worker"));
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts delivering in the background, now rather than at the scheduler's next round. */
    public void startSoon() {
        if (enabled) {
            starter.execute(this::drainAndReport);
        }
    }

    /** Delivers everything due. If this node is already delivering, that run picks the new work up. */
    public void drain() {
        do {
            again.set(false);
            if (!draining.tryLock()) {
                again.set(true);
                return;
            }
            try {
                inParallel();
            } finally {
                draining.unlock();
            }
        } while (again.get());
    }

    /** Several workers, each claiming batches until nothing is due; a failure of one ends the run. */
    private void inParallel() {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                while (deliverOneBatch() > 0) {
                    // until nothing is due
                }
            }));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException failed) {
                running.forEach(other -> other.cancel(true));
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
            }
        }
    }

    /** One batch: claimed, sent per channel, recorded. Returns how many deliveries it handled. */
    int deliverOneBatch() {
        List<Due> batch = deliveries.claim(worker, batchSize, lease);
        if (batch.isEmpty()) {
            return 0;
        }
        deliveries.record(send(batch));
        return batch.size();
    }

    /**
     * Sends the batch channel by channel while keeping its claim alive: a batch that waits long for
     * a slow mail relay's rate limit must not lapse and be taken over (and sent again) by another
     * worker. A worker that dies stops renewing, and its claim lapses as before.
     */
    private List<Result> send(List<Due> batch) {
        Map<Channel, List<Due>> byChannel = new EnumMap<>(Channel.class);
        batch.forEach(due -> byChannel.computeIfAbsent(due.key().channel(), c -> new ArrayList<>()).add(due));
        List<Deliveries.Key> keys = batch.stream().map(Due::key).toList();
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(() -> renew(keys), every, every, TimeUnit.MILLISECONDS);
        try {
            List<Result> results = new ArrayList<>();
            for (Channel channel : SENDING_ORDER) {
                List<Due> dues = byChannel.get(channel);
                if (dues != null) {
                    results.addAll(channels.get(channel).send(dues));
                }
            }
            return results;
        } finally {
            renewal.cancel(false);
        }
    }

    private void renew(List<Deliveries.Key> keys) {
        try {
            deliveries.renew(worker, keys, lease);
        } catch (RuntimeException failed) {
            // the next renewal tries again; if none succeeds, the claim lapses and another worker takes over
            log.warn("Could not renew a delivery claim: {}", failed.getClass().getName());
        }
    }

    private void drainAndReport() {
        try {
            drain();
        } catch (RuntimeException failed) {
            // the exception's class only: a mail exception's message can name addresses
            log.warn("Alert delivery stopped and will resume at the next round: {}", failed.getClass().getName());
        }
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
        pool.shutdownNow();
        leases.shutdownNow();
    }

    @Bean
    Task<Void> alertDeliveryTask() {
        return Tasks.recurring("alerts-delivery", FixedDelay.of(checkEvery)).execute((instance, context) -> {
            if (enabled) {
                drainAndReport();
            }
        });
    }
}

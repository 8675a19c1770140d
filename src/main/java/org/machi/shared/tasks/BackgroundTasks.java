package org.machi.shared.tasks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.machi.shared.SharedProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one scheduler for background work of every module (db-scheduler on the application's
 * database): tasks survive restarts and run once across several nodes. A module contributes its
 * tasks as beans of type {@link Task}; recurring ones are scheduled at start.
 */
@Component
class BackgroundTasks implements SmartLifecycle {

    private final DataSource dataSource;
    private final List<Task<?>> tasks;
    private final Duration pollingInterval;
    private volatile Scheduler scheduler;
    private volatile boolean running;

    BackgroundTasks(DataSource dataSource, List<Task<?>> tasks, SharedProperties properties) {
        this.dataSource = dataSource;
        this.tasks = List.copyOf(tasks);
        this.pollingInterval = properties.tasks().pollingInterval();
    }

    /**
     * After the database is migrated and before requests are served; stopped before the data source
     * closes. A stopped scheduler cannot start again, so each start builds a new one (a context can
     * be stopped and started, as the test framework does with contexts it keeps for later).
     */
    @Override
    public void start() {
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        scheduler = Scheduler.create(dataSource, others)
                .tableName("shared.scheduled_tasks")
                .pollingInterval(pollingInterval)
                .threads(2)
                .startTasks(recurring) // registers them too
                // a node that died holds its executions until it misses this many heartbeats (about 2 minutes)
                .heartbeatInterval(Duration.ofSeconds(30))
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(Duration.ofSeconds(15))
                .build();
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.machi.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.machi.shared.SharedProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events whose listener failed or whose node died are handed to their listeners again, by one node
 * at a time (a recurring background task), and only once they are older than
 * {@code machi.events.resubmit-after}: an event another node is handling right now is left alone.
 * This replaces Modulith's republication at every start, which made each node of a rolling deploy
 * resend everything incomplete, including what the other nodes were still working on.
 */
@Configuration(proxyBeanMethods = false)
class EventResubmission {

    @Bean
    RecurringTask<Void> resubmitIncompleteEvents(IncompleteEventPublications incomplete, SharedProperties properties) {
        SharedProperties.Events events = properties.events();
        return Tasks.recurring("shared-resubmit-incomplete-events", FixedDelay.of(events.resubmitEvery()))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(events.resubmitAfter()));
    }
}

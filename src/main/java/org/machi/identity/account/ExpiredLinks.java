package org.machi.identity.account;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links by mail that expired unused (sign-up, sign-in, password reset, address change) hold a
 * sealed address or token: they are deleted every hour rather than kept for ever.
 */
@Component
public class ExpiredLinks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    ExpiredLinks(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Deletes every expired link; returns how many there were. */
    @Transactional
    public int forget() {
        Timestamp now = Timestamp.from(clock.instant());
        int forgotten = 0;
        for (String table : new String[] {"identity.sign_up_request", "identity.sign_in_link", "identity.account_token"}) {
            forgotten += jdbc.sql("DELETE FROM " + table + " WHERE expires_at < :now").param("now", now).update();
        }
        if (forgotten > 0) {
            audit.record(AuditRecord.of("system", "links.expired-forgotten").withDetail(forgotten + " links"));
        }
        return forgotten;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        Task<Void> forgetExpiredLinks(ExpiredLinks links) {
            return Tasks.recurring("identity-forget-expired-links", Schedules.fixedDelay(Duration.ofHours(1)))
                    .execute((instance, context) -> links.forget());
        }
    }
}

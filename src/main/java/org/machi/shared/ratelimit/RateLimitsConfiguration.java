package org.machi.shared.ratelimit;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import javax.sql.DataSource;
import org.machi.shared.DataProtection;
import org.machi.shared.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Rate limits shared by all nodes on PostgreSQL (several nodes on one database), in memory on the
 * embedded database (which only one node can open).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitsConfiguration {

    @Bean
    Buckets rateLimitBuckets(DataSource dataSource) {
        return onPostgres(dataSource) ? new DatabaseBuckets(dataSource) : new MemoryBuckets();
    }

    @Bean
    RateLimits rateLimits(Buckets rateLimitBuckets, DataProtection protection) {
        return new BucketRateLimits(rateLimitBuckets, protection);
    }

    /** Full buckets count nothing: their rows go, so the table does not grow with every address ever seen. */
    @Bean
    Task<Void> forgetFullRateLimitBuckets(Buckets rateLimitBuckets) {
        return Tasks.recurring("shared-forget-full-rate-limits", Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> rateLimitBuckets.forgetFull());
    }

    static boolean onPostgres(DataSource dataSource) {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException unreachable) {
            throw new IllegalStateException("Could not tell which database holds the rate limits", unreachable);
        }
    }
}

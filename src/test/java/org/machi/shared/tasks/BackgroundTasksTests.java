package org.machi.shared.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MachiWebTest
class BackgroundTasksTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recurringTasksOfTheModulesAreScheduledInTheDatabase() {
        Timestamp next = jdbc.sql("SELECT execution_time FROM shared.scheduled_tasks WHERE task_name = 'identity-erase-deleted-accounts'")
                .query(Timestamp.class).single();
        var local = next.toInstant().atZone(ZoneId.of("Asia/Tokyo"));
        assertThat(local.getHour()).isEqualTo(3);
        assertThat(local.getMinute()).isZero();
    }
}

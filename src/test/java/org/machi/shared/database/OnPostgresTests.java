package org.machi.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The whole application on a real PostgreSQL server, as production runs it (the postgres profile). */
@RequiresPostgres
class OnPostgresTests extends OnPostgres {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Test
    void runsOnPostgresql() {
        String product = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    void everyModuleMigrationRanIntoItsOwnSchemaAndHistory() {
        for (String module : new String[] {"shared", "audit", "identity", "alerts"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history_" + module + " WHERE success").query(Long.class).single())
                    .as(module).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shared' AND table_name = 'installation'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theStartWasRecorded() {
        assertThat(jdbc.sql("SELECT starts FROM shared.installation").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Transactional
    void theAuditChainHoldsAndBreaksOnPostgresqlToo() {
        var first = audit.record(AuditRecord.of("system", "test.first"));
        audit.record(AuditRecord.of("system", "test.second"));
        assertThat(audit.verify().intact()).isTrue();

        jdbc.sql("UPDATE audit.entry SET actor = 'someone else' WHERE seq = :seq").param("seq", first.seq()).update();
        assertThat(audit.verify().firstBrokenSeq()).isEqualTo(first.seq());
    }

    @Test
    void backgroundTasksAreScheduledOnPostgresqlToo() {
        assertThat(jdbc.sql("SELECT count(*) FROM shared.scheduled_tasks WHERE task_name = 'identity-erase-deleted-accounts'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void servesPages() throws Exception {
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk());
    }

    @Test
    void controlCharactersInASearchAreNotPassedToPostgresql() throws Exception {
        for (String list : new String[] {"/alerts", "/notices"}) {
            mvc.perform(get(list).param("q", "\u0000水道")).andExpect(status().isOk());
        }
    }
}

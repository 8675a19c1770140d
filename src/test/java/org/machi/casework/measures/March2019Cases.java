package org.machi.casework.measures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case rows of March 2019 (and one of late February) as casework writes them, for the page tests:
 * no other test files cases that long ago, so the figures of those months are exact in the shared
 * context. Inserted once per database.
 */
final class March2019Cases {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private March2019Cases() {
    }

    private static Instant tokyo(String local) {
        return LocalDateTime.parse(local).atZone(TOKYO).toInstant();
    }

    static void insertOnce(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM casework.case_file WHERE receipt_number LIKE 'MEASURES-2019-%'").query(Integer.class).single() > 0) {
            return;
        }
        // 住民票 (市民課): A online, decided after 2 hours, past its target of the same instant, one request
        Instant a = tokyo("2019-03-04T10:00");
        insert(jdbc, "A", "juminhyo", "shimin", "ONLINE", a, a, a.plus(Duration.ofHours(2)), 1);
        // B at the counter, decided exactly on its due instant one day later: within the target
        Instant b = tokyo("2019-03-05T10:00");
        insert(jdbc, "B", "juminhyo", "shimin", "COUNTER", b, b.plus(Duration.ofDays(1)), b.plus(Duration.ofDays(1)), 0);
        // C online on the last evening of March in Tokyo, still open
        insert(jdbc, "C", "juminhyo", "shimin", "ONLINE", Instant.parse("2019-03-31T14:30:00Z"), null, null, 0);
        // D online at 00:30 on 1 March in Tokyo (still February in UTC), no target, decided after 3 days
        Instant d = Instant.parse("2019-02-28T15:30:00Z");
        insert(jdbc, "D", "juminhyo", "shimin", "ONLINE", d, null, d.plus(Duration.ofDays(3)), 0);
        // E at 23:59 on 28 February in Tokyo: not in March
        Instant e = Instant.parse("2019-02-28T14:59:00Z");
        insert(jdbc, "E", "juminhyo", "shimin", "ONLINE", e, null, e.plus(Duration.ofDays(1)), 0);
        // 粗大ごみ (環境事業課): online, decided after 5 days of a 7-day target, two requests
        Instant s = tokyo("2019-03-10T09:00");
        insert(jdbc, "S", "sodai-gomi", "kankyo-center", "ONLINE", s, s.plus(Duration.ofDays(7)), s.plus(Duration.ofDays(5)), 2);
        // counter sessions: filed after 10 and 20 minutes, and one closed without filing
        session(jdbc, tokyo("2019-03-04T09:50"), tokyo("2019-03-04T10:00"), 12, 3, "juminhyo");
        session(jdbc, tokyo("2019-03-05T09:40"), tokyo("2019-03-05T10:00"), 8, 2, "sodai-gomi\ninu-toroku");
        session(jdbc, tokyo("2019-03-06T09:00"), null, 4, 0, "juminhyo");
    }

    private static void session(JdbcClient jdbc, Instant started, Instant filed, int prefilled, int typed, String procedures) {
        jdbc.sql("""
                INSERT INTO casework.counter_session (id, clerk, register_number, started_at, submitted_at, closed_at,
                    fields_prefilled, fields_typed, procedures)
                VALUES (:id, 'account:measures-test', '2019000001', :started, :filed, :closed, :prefilled, :typed, :procedures)""")
                .param("id", UUID.randomUUID()).param("started", Timestamp.from(started))
                .param("filed", filed == null ? null : Timestamp.from(filed))
                .param("closed", Timestamp.from(filed == null ? started.plus(Duration.ofMinutes(5)) : filed))
                .param("prefilled", prefilled).param("typed", typed).param("procedures", procedures).update();
    }

    private static void insert(JdbcClient jdbc, String name, String slug, String department, String channel, Instant submitted,
                               Instant due, Instant decided, int requests) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO casework.case_file (id, application_id, receipt_number, procedure_slug, department, channel, state,
                    submitted_at, due_at, decided_at, updated_at, version)
                VALUES (:id, :application, :receipt, :slug, :department, :channel, :state, :submitted, :due, :decided, :submitted, 0)""")
                .param("id", id).param("application", UUID.randomUUID()).param("receipt", "MEASURES-2019-" + name)
                .param("slug", slug).param("department", department).param("channel", channel)
                .param("state", decided == null ? "IN_REVIEW" : "APPROVED")
                .param("submitted", Timestamp.from(submitted)).param("due", due == null ? null : Timestamp.from(due))
                .param("decided", decided == null ? null : Timestamp.from(decided)).update();
        transition(jdbc, id, "OPEN", null, "RECEIVED", department, submitted);
        for (int i = 0; i < requests; i++) {
            transition(jdbc, id, "REQUEST_INFORMATION", "IN_REVIEW", "NEEDS_INFORMATION", department, submitted.plusSeconds(60 + i));
        }
    }

    private static void transition(JdbcClient jdbc, UUID caseId, String action, String from, String to, String department, Instant at) {
        jdbc.sql("""
                INSERT INTO casework.case_transition (case_id, action, from_state, to_state, actor, department, at)
                VALUES (:id, :action, :from, :to, 'system', :department, :at)""")
                .param("id", caseId).param("action", action).param("from", from).param("to", to)
                .param("department", department).param("at", Timestamp.from(at)).update();
    }
}

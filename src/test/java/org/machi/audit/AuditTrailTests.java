package org.machi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Each test runs in a transaction that is rolled back, so tampering never leaks into other tests. */
@MachiWebTest
@Transactional
class AuditTrailTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    private List<AuditEntry> entries;

    @BeforeEach
    void recordSome() {
        entries = List.of(
                trail.record(AuditRecord.of("account:a1", "sign-in.succeeded")),
                trail.record(AuditRecord.of("account:s9", "personal-data.read").about("account:a1", "identity.profile")
                        .because("窓口での住所変更の確認")),
                trail.record(AuditRecord.of("anonymous", "sign-in.failed").withDetail("unknown account")),
                trail.record(AuditRecord.of("system", "role.granted").about("account:s9", "identity.staff-role")));
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = trail.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void eachEntryCarriesThePreviousEntrysHash() {
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash()).isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).seq()).isEqualTo(entries.get(i - 1).seq() + 1);
        }
    }

    @Test
    void anAlteredFieldIsDetectedAtThatEntry() {
        long target = entries.get(1).seq();
        jdbc.sql("UPDATE audit.entry SET purpose = 'curiosity' WHERE seq = :seq").param("seq", target).update();
        assertThat(trail.verify()).satisfies(r -> {
            assertThat(r.firstBrokenSeq()).isEqualTo(target);
            assertThat(r.problem()).isEqualTo(ChainVerification.Problem.ALTERED);
        });
    }

    @Test
    void anAlteredTimeIsDetected() {
        long target = entries.get(2).seq();
        jdbc.sql("UPDATE audit.entry SET occurred_at = occurred_at - INTERVAL '1' HOUR WHERE seq = :seq").param("seq", target).update();
        assertThat(trail.verify().firstBrokenSeq()).isEqualTo(target);
    }

    @Test
    void aRemovedEntryIsDetectedWhereItWas() {
        long target = entries.get(1).seq();
        jdbc.sql("DELETE FROM audit.entry WHERE seq = :seq").param("seq", target).update();
        assertThat(trail.verify()).satisfies(r -> {
            assertThat(r.firstBrokenSeq()).isEqualTo(target);
            assertThat(r.problem()).isEqualTo(ChainVerification.Problem.MISSING);
        });
    }

    @Test
    void aRecomputedRowWithoutTheKeyIsStillDetected() {
        // someone renumbers to hide a deletion and copies the hashes along: the chain still breaks
        long removed = entries.get(1).seq();
        jdbc.sql("DELETE FROM audit.entry WHERE seq = :seq").param("seq", removed).update();
        jdbc.sql("UPDATE audit.entry SET seq = seq - 1 WHERE seq > :seq").param("seq", removed).update();
        assertThat(trail.verify().firstBrokenSeq()).isEqualTo(removed);
    }

    @Test
    void removingTheNewestEntriesIsDetected() {
        long last = entries.get(3).seq();
        jdbc.sql("DELETE FROM audit.entry WHERE seq = :seq").param("seq", last).update();
        assertThat(trail.verify()).satisfies(r -> {
            assertThat(r.firstBrokenSeq()).isEqualTo(last);
            assertThat(r.problem()).isEqualTo(ChainVerification.Problem.TRUNCATED);
        });
    }

    @Test
    void exportsJsonLinesOldestFirst() throws Exception {
        var out = new StringWriter();
        trail.exportJsonLines(out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lines.get(lines.size() - 4)).startsWith("{\"seq\":" + entries.get(0).seq() + ",");
        assertThat(lines.get(lines.size() - 3)).contains("\"purpose\":\"窓口での住所変更の確認\"")
                .contains("\"hash\":\"" + entries.get(1).hash() + "\"");
    }

    @Test
    void latestComesNewestFirst() {
        assertThat(trail.latest(2)).extracting(AuditEntry::seq).containsExactly(entries.get(3).seq(), entries.get(2).seq());
    }

    @Test
    void anOversizedFieldIsRefusedAndNothingIsRecorded() {
        long before = jdbc.sql("SELECT count(*) FROM audit.entry").query(Long.class).single();
        assertThatThrownBy(() -> trail.record(AuditRecord.of("system", "x").withDetail("x".repeat(1001))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry").query(Long.class).single()).isEqualTo(before);
    }
}

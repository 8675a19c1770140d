package org.machi.audit.chain;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.audit.ChainVerification;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, Integer> LIMITS = Map.of("actor", 100, "action", 100, "subject", 100,
            "record", 200, "purpose", 500, "detail", 1000);

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final Clock clock;
    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, DataProtection protection, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional
    public AuditEntry record(AuditRecord record) {
        checkLengths(record);
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit.chain_head WHERE singleton FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String previousHash = (String) head[1];
        var unsigned = new AuditEntry(seq, ChainCodec.precision(clock.instant()), record.actor(), record.action(),
                record.subject(), record.record(), record.purpose(), record.detail(), previousHash, null);
        String hash = HEX.formatHex(protection.tag(ChainCodec.bytesOf(unsigned)));
        jdbc.sql("""
                INSERT INTO audit.entry (seq, occurred_at, actor, action, subject, record, purpose, detail, previous_hash, hash)
                VALUES (:seq, :at, :actor, :action, :subject, :record, :purpose, :detail, :previous, :hash)""")
                .param("seq", seq)
                .param("at", Timestamp.from(unsigned.occurredAt()))
                .param("actor", record.actor())
                .param("action", record.action())
                .param("subject", record.subject())
                .param("record", record.record())
                .param("purpose", record.purpose())
                .param("detail", record.detail())
                .param("previous", previousHash)
                .param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit.chain_head SET last_seq = :seq, last_hash = :hash WHERE singleton")
                .param("seq", seq).param("hash", hash).update();
        return new AuditEntry(seq, unsigned.occurredAt(), record.actor(), record.action(), record.subject(),
                record.record(), record.purpose(), record.detail(), previousHash, hash);
    }

    @Override
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        var walk = new Walk();
        jdbc.sql("SELECT * FROM audit.entry ORDER BY seq").query(rs -> {
            if (walk.broken == null) {
                walk.check(entry(rs));
            }
        });
        if (walk.broken != null) {
            return new ChainVerification(walk.checked, walk.broken, walk.problem);
        }
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit.chain_head").query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((long) head[0] != walk.lastSeq || !head[1].equals(walk.lastHash)) {
            return new ChainVerification(walk.checked, walk.lastSeq + 1, ChainVerification.Problem.TRUNCATED);
        }
        return new ChainVerification(walk.checked, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit.entry ORDER BY seq DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> entry(rs))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public void exportJsonLines(Writer out) throws IOException {
        var failure = new IOException[1];
        jdbc.sql("SELECT * FROM audit.entry ORDER BY seq").query(rs -> {
            if (failure[0] != null) {
                return;
            }
            AuditEntry e = entry(rs);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", e.seq());
            line.put("occurredAt", e.occurredAt().toString());
            line.put("actor", e.actor());
            line.put("action", e.action());
            line.put("subject", e.subject());
            line.put("record", e.record());
            line.put("purpose", e.purpose());
            line.put("detail", e.detail());
            line.put("previousHash", e.previousHash());
            line.put("hash", e.hash());
            try {
                out.write(json.writeValueAsString(line));
                out.write('\n');
            } catch (IOException ioe) {
                failure[0] = ioe;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        out.flush();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("record"), rs.getString("purpose"),
                rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static void checkLengths(AuditRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("actor", record.actor());
        fields.put("action", record.action());
        fields.put("subject", record.subject());
        fields.put("record", record.record());
        fields.put("purpose", record.purpose());
        fields.put("detail", record.detail());
        fields.forEach((name, value) -> {
            if (value != null && value.length() > LIMITS.get(name)) {
                throw new IllegalArgumentException("audit " + name + " is longer than " + LIMITS.get(name) + " characters");
            }
        });
    }

    /** Walks the chain in order, remembering the first entry that does not hold. */
    private final class Walk {
        long checked;
        long lastSeq;
        String lastHash = "";
        Long broken;
        ChainVerification.Problem problem;

        void check(AuditEntry entry) {
            checked++;
            if (entry.seq() != lastSeq + 1) {
                fail(lastSeq + 1, ChainVerification.Problem.MISSING);
            } else if (!entry.previousHash().equals(lastHash)) {
                fail(entry.seq(), ChainVerification.Problem.OUT_OF_CHAIN);
            } else if (!matches(entry)) {
                fail(entry.seq(), ChainVerification.Problem.ALTERED);
            } else {
                lastSeq = entry.seq();
                lastHash = entry.hash();
            }
        }

        private boolean matches(AuditEntry entry) {
            try {
                return protection.verifyTag(HEX.parseHex(entry.hash()), ChainCodec.bytesOf(entry));
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        }

        private void fail(long seq, ChainVerification.Problem why) {
            broken = seq;
            problem = why;
        }
    }
}

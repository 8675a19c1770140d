package org.machi.alerts.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertArea;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts in the database: the alert row, its text per language and its districts. */
@Repository
public class AlertStore {

    private static final String COLUMNS = "id, msg_type, refers_to, kind, exercise, urgency, severity, certainty, shelters, "
            + "effective, expires, author, approver, state, created_at, published_at, area_polygon, area_circle, link";

    private final JdbcClient jdbc;

    AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Alert> find(UUID id) {
        return load("SELECT " + COLUMNS + " FROM alerts.alert WHERE id = ?", id).stream().findFirst();
    }

    /** The alert, locked until the transaction ends, so two approvers cannot both act on it. */
    Optional<Alert> findForChange(UUID id) {
        return load("SELECT " + COLUMNS + " FROM alerts.alert WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    /** Drafts and alerts awaiting approval, newest first. */
    public List<Alert> unpublished() {
        return load("SELECT " + COLUMNS + " FROM alerts.alert WHERE state IN ('DRAFT', 'AWAITING_APPROVAL') ORDER BY created_at DESC");
    }

    /** How many alerts wait for approval by someone other than their author. */
    public long countAwaitingApproval(String excludingAuthor) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts.alert WHERE state = 'AWAITING_APPROVAL' AND author <> ?")
                .param(excludingAuthor).query(Long.class).single();
    }

    /** Published alerts (not cancels) whose effective time has come and that have not expired. */
    public List<Alert> inForce(Instant now) {
        return load("SELECT " + COLUMNS + " FROM alerts.alert WHERE state = 'PUBLISHED' AND msg_type <> 'CANCEL' "
                + "AND effective <= ? AND (expires IS NULL OR expires > ?) ORDER BY published_at DESC",
                Timestamp.from(now), Timestamp.from(now));
    }

    /** What was ever published, newest first, narrowed by the archive's filters. */
    public List<Alert> published(ArchiveFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(limit);
        args.add(offset);
        return load("SELECT " + COLUMNS + " FROM alerts.alert a WHERE " + where
                + " ORDER BY published_at DESC, id LIMIT ? OFFSET ?", args.toArray());
    }

    public int countPublished(ArchiveFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        return jdbc.sql("SELECT COUNT(*) FROM alerts.alert a WHERE " + where).params(args).query(Integer.class).single();
    }

    /** The chain of alerts this one belongs to: what it replaced and what replaced it, oldest first. */
    public List<Alert> history(Alert alert) {
        List<Alert> chain = new ArrayList<>();
        Alert earlier = alert;
        while (earlier.refersTo() != null) {
            earlier = find(earlier.refersTo()).orElseThrow();
            chain.add(0, earlier);
        }
        chain.add(alert);
        Optional<Alert> later = replacement(alert.id());
        while (later.isPresent()) {
            chain.add(later.get());
            later = replacement(later.get().id());
        }
        return chain;
    }

    private Optional<Alert> replacement(UUID id) {
        return load("SELECT " + COLUMNS + " FROM alerts.alert WHERE refers_to = ? AND state <> 'DRAFT' "
                + "AND state <> 'AWAITING_APPROVAL'", id).stream().findFirst();
    }

    void insert(Alert alert) {
        AlertContent content = alert.content();
        jdbc.sql("INSERT INTO alerts.alert (" + COLUMNS + ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(alert.id(), alert.type().name(), alert.refersTo(), content.kind().name(), content.exercise(),
                        content.urgency().name(), content.severity().name(), content.certainty().name(), content.shelters(),
                        Timestamp.from(content.effective()), timestamp(content.expires()), alert.author(), alert.approver(),
                        alert.state().name(), Timestamp.from(alert.createdAt()), timestamp(alert.publishedAt()),
                        content.area().polygon(), content.area().circle(), content.link())
                .update();
        insertParts(alert);
    }

    /** Writes the alert's state and content back; the caller holds the row lock. */
    void update(Alert alert) {
        AlertContent content = alert.content();
        jdbc.sql("UPDATE alerts.alert SET urgency = ?, severity = ?, certainty = ?, shelters = ?, effective = ?, expires = ?, "
                        + "approver = ?, state = ?, published_at = ?, area_polygon = ?, area_circle = ?, link = ?, "
                        + "version = version + 1 WHERE id = ?")
                .params(content.urgency().name(), content.severity().name(), content.certainty().name(), content.shelters(),
                        Timestamp.from(content.effective()), timestamp(content.expires()), alert.approver(), alert.state().name(),
                        timestamp(alert.publishedAt()), content.area().polygon(), content.area().circle(), content.link(), alert.id())
                .update();
        jdbc.sql("DELETE FROM alerts.alert_text WHERE alert_id = ?").param(alert.id()).update();
        jdbc.sql("DELETE FROM alerts.alert_district WHERE alert_id = ?").param(alert.id()).update();
        insertParts(alert);
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM alerts.alert WHERE id = ? AND state = 'DRAFT'").param(id).update();
    }

    private void insertParts(Alert alert) {
        for (var text : alert.texts().entrySet()) {
            jdbc.sql("INSERT INTO alerts.alert_text (alert_id, language, headline, description, instruction) VALUES (?, ?, ?, ?, ?)")
                    .params(alert.id(), text.getKey(), text.getValue().headline(), text.getValue().description(),
                            text.getValue().instruction() == null ? "" : text.getValue().instruction())
                    .update();
        }
        for (String district : alert.districts()) {
            jdbc.sql("INSERT INTO alerts.alert_district (alert_id, district) VALUES (?, ?)").params(alert.id(), district).update();
        }
    }

    private List<Alert> load(String sql, Object... args) {
        List<Row> rows = jdbc.sql(sql).params(args).query(AlertStore::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<String, AlertText>> texts = new HashMap<>();
        Map<UUID, Set<String>> districts = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::id).toList();
        for (List<UUID> chunk : chunks(ids)) {
            String in = String.join(", ", chunk.stream().map(id -> "?").toList());
            jdbc.sql("SELECT alert_id, language, headline, description, instruction FROM alerts.alert_text WHERE alert_id IN (" + in + ")")
                    .params(chunk.toArray())
                    .query(rs -> {
                        texts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new LinkedHashMap<>())
                                .put(rs.getString(2), new AlertText(rs.getString(3), rs.getString(4), rs.getString(5)));
                    });
            jdbc.sql("SELECT alert_id, district FROM alerts.alert_district WHERE alert_id IN (" + in + ")")
                    .params(chunk.toArray())
                    .query(rs -> {
                        districts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>()).add(rs.getString(2));
                    });
        }
        return rows.stream().map(row -> row.toAlert(texts.getOrDefault(row.id, Map.of()),
                districts.getOrDefault(row.id, Set.of()))).toList();
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 200) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 200)));
        }
        return chunks;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), CapMessage.MsgType.valueOf(rs.getString("msg_type")),
                rs.getObject("refers_to", UUID.class), AlertKind.valueOf(rs.getString("kind")), rs.getBoolean("exercise"),
                CapMessage.Urgency.valueOf(rs.getString("urgency")), CapMessage.Severity.valueOf(rs.getString("severity")),
                CapMessage.Certainty.valueOf(rs.getString("certainty")), rs.getString("shelters"), instant(rs, "effective"),
                instant(rs, "expires"), rs.getString("author"), rs.getString("approver"), Alert.State.valueOf(rs.getString("state")),
                instant(rs, "created_at"), instant(rs, "published_at"),
                new AlertArea(rs.getString("area_polygon"), rs.getString("area_circle")), rs.getString("link"));
    }

    private record Row(UUID id, CapMessage.MsgType type, UUID refersTo, AlertKind kind, boolean exercise,
                       CapMessage.Urgency urgency, CapMessage.Severity severity, CapMessage.Certainty certainty, String shelters,
                       Instant effective, Instant expires, String author, String approver, Alert.State state, Instant createdAt,
                       Instant publishedAt, AlertArea area, String link) {

        Alert toAlert(Map<String, AlertText> texts, Set<String> districts) {
            AlertContent content = new AlertContent(kind, exercise, urgency, severity, certainty, texts, districts, shelters,
                    effective, expires, area, link);
            return Alert.restore(id, type, refersTo, content, author, createdAt, state, approver, publishedAt);
        }
    }
}

package org.machi.alerts.publishing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.domain.Notice;
import org.machi.alerts.domain.NoticeCategory;
import org.machi.alerts.domain.NoticeText;
import org.machi.shared.CityProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices in the database: the notice row, its text per language and its districts. A notice's
 * department is its author's department code; notices published before departments had codes hold
 * the department's Japanese name, which is read as the city profile's department of that name (a
 * name that matches none stays as it is).
 */
@Repository
public class NoticeStore {

    private static final String COLUMNS = "id, category, whole_city, link, author, department, state, published_at, withdrawn_by, withdrawn_at";

    private final JdbcClient jdbc;
    private final CityProfile city;

    NoticeStore(JdbcClient jdbc, CityProfile city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    public Optional<Notice> find(UUID id) {
        return load("SELECT " + COLUMNS + " FROM alerts.notice n WHERE id = ?", id).stream().findFirst();
    }

    Optional<Notice> findForChange(UUID id) {
        return load("SELECT " + COLUMNS + " FROM alerts.notice n WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    /** Published notices, newest first, narrowed by the filter. */
    public List<Notice> published(NoticeFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(limit);
        args.add(offset);
        return load("SELECT " + COLUMNS + " FROM alerts.notice n WHERE " + where + " ORDER BY published_at DESC, id LIMIT ? OFFSET ?",
                args.toArray());
    }

    public int countPublished(NoticeFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        return jdbc.sql("SELECT COUNT(*) FROM alerts.notice n WHERE " + where).params(args).query(Integer.class).single();
    }

    /**
     * When the feed of a category (or of every notice, for null) last changed: a notice published
     * in it or withdrawn from it. Empty while it never held a notice.
     */
    public Optional<Instant> lastChange(NoticeCategory category) {
        String sql = "SELECT MAX(GREATEST(published_at, COALESCE(withdrawn_at, published_at))) FROM alerts.notice"
                + (category == null ? "" : " WHERE category = ?");
        Object[] args = category == null ? new Object[0] : new Object[] {category.name()};
        return jdbc.sql(sql).params(args).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Every notice, withdrawn ones too, newest first: for the staff's list. */
    public List<Notice> recent(int limit) {
        return load("SELECT " + COLUMNS + " FROM alerts.notice n ORDER BY published_at DESC, id LIMIT ?", limit);
    }

    void insert(Notice notice) {
        jdbc.sql("INSERT INTO alerts.notice (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(notice.id(), notice.category().name(), notice.wholeCity(), notice.link(), notice.author(), notice.department(),
                        notice.state().name(), Timestamp.from(notice.publishedAt()), notice.withdrawnBy(),
                        notice.withdrawnAt() == null ? null : Timestamp.from(notice.withdrawnAt()))
                .update();
        for (var text : notice.texts().entrySet()) {
            jdbc.sql("INSERT INTO alerts.notice_text (notice_id, language, title, body) VALUES (?, ?, ?, ?)")
                    .params(notice.id(), text.getKey(), text.getValue().title(), text.getValue().body())
                    .update();
        }
        for (String district : notice.districts()) {
            jdbc.sql("INSERT INTO alerts.notice_district (notice_id, district) VALUES (?, ?)").params(notice.id(), district).update();
        }
    }

    void updateState(Notice notice) {
        jdbc.sql("UPDATE alerts.notice SET state = ?, withdrawn_by = ?, withdrawn_at = ? WHERE id = ?")
                .params(notice.state().name(), notice.withdrawnBy(),
                        notice.withdrawnAt() == null ? null : Timestamp.from(notice.withdrawnAt()), notice.id())
                .update();
    }

    private List<Notice> load(String sql, Object... args) {
        List<Row> rows = jdbc.sql(sql).params(args).query(NoticeStore::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Map<String, NoticeText>> texts = new HashMap<>();
        Map<UUID, Set<String>> districts = new HashMap<>();
        List<UUID> ids = rows.stream().map(Row::id).toList();
        String in = String.join(", ", ids.stream().map(id -> "?").toList());
        jdbc.sql("SELECT notice_id, language, title, body FROM alerts.notice_text WHERE notice_id IN (" + in + ")")
                .params(ids.toArray())
                .query(rs -> {
                    texts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                            .put(rs.getString(2), new NoticeText(rs.getString(3), rs.getString(4)));
                });
        jdbc.sql("SELECT notice_id, district FROM alerts.notice_district WHERE notice_id IN (" + in + ")")
                .params(ids.toArray())
                .query(rs -> {
                    districts.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>()).add(rs.getString(2));
                });
        return rows.stream().map(row -> Notice.restore(row.id, row.category, texts.getOrDefault(row.id, Map.of()),
                districts.getOrDefault(row.id, Set.of()), row.link, row.author, department(row.department), row.publishedAt, row.state,
                row.withdrawnBy, row.withdrawnAt)).toList();
    }

    private String department(String recorded) {
        return city.departmentRecordedAs(recorded).map(CityProfile.Department::code).orElse(recorded);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Row(rs.getObject("id", UUID.class), NoticeCategory.valueOf(rs.getString("category")), rs.getString("link"),
                rs.getString("author"), rs.getString("department"), Notice.State.valueOf(rs.getString("state")), rs.getTimestamp("published_at").toInstant(),
                rs.getString("withdrawn_by"), withdrawn == null ? null : withdrawn.toInstant());
    }

    private record Row(UUID id, NoticeCategory category, String link, String author, String department, Notice.State state, Instant publishedAt,
                       String withdrawnBy, Instant withdrawnAt) {
    }
}

package org.machi.alerts.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.machi.alerts.domain.AlertKind;

/**
 * The archive's search: words in the text (any language), a kind, a district, a period. Every
 * part is optional; values are bound as parameters, never written into the SQL.
 *
 * @param from inclusive, may be null
 * @param to   exclusive, may be null
 */
public record ArchiveFilter(String words, AlertKind kind, String district, Instant from, Instant to) {

    public static final ArchiveFilter ALL = new ArchiveFilter(null, null, null, null, null);

    String where(List<Object> args) {
        StringBuilder where = new StringBuilder("a.state IN ('PUBLISHED', 'SUPERSEDED', 'CANCELLED')");
        if (words != null && !words.isBlank()) {
            String pattern = "%" + likeEscaped(words.strip().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND EXISTS (SELECT 1 FROM alerts.alert_text t WHERE t.alert_id = a.id AND "
                    + "(LOWER(t.headline) LIKE ? ESCAPE '\\' OR LOWER(t.description) LIKE ? ESCAPE '\\'))");
            args.add(pattern);
            args.add(pattern);
        }
        if (kind != null) {
            where.append(" AND a.kind = ?");
            args.add(kind.name());
        }
        if (district != null) {
            where.append(" AND EXISTS (SELECT 1 FROM alerts.alert_district d WHERE d.alert_id = a.id AND d.district = ?)");
            args.add(district);
        }
        if (from != null) {
            where.append(" AND a.published_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND a.published_at < ?");
            args.add(Timestamp.from(to));
        }
        return where.toString();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

package org.machi.alerts.publishing;

import java.util.List;
import java.util.Locale;
import org.machi.alerts.domain.NoticeCategory;

/**
 * The notice list's search: words in the text (any language), a category, a district (notices for
 * the whole city concern every district). Every part is optional; values are bound as parameters.
 */
public record NoticeFilter(String words, NoticeCategory category, String district) {

    public static final NoticeFilter ALL = new NoticeFilter(null, null, null);

    public static NoticeFilter of(NoticeCategory category) {
        return new NoticeFilter(null, category, null);
    }

    String where(List<Object> args) {
        StringBuilder where = new StringBuilder("n.state = 'PUBLISHED'");
        if (words != null && !words.isBlank()) {
            String pattern = "%" + words.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND EXISTS (SELECT 1 FROM alerts.notice_text t WHERE t.notice_id = n.id AND "
                    + "(LOWER(t.title) LIKE ? ESCAPE '\\' OR LOWER(t.body) LIKE ? ESCAPE '\\'))");
            args.add(pattern);
            args.add(pattern);
        }
        if (category != null) {
            where.append(" AND n.category = ?");
            args.add(category.name());
        }
        if (district != null) {
            where.append(" AND (n.whole_city OR EXISTS (SELECT 1 FROM alerts.notice_district d WHERE d.notice_id = n.id AND d.district = ?))");
            args.add(district);
        }
        return where.toString();
    }
}

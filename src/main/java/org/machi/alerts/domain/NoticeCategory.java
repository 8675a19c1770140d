package org.machi.alerts.domain;

/**
 * What a daily notice (お知らせ) is about. Residents subscribe by category, so a notice reaches
 * only those who asked for its kind of news.
 */
public enum NoticeCategory {

    GARBAGE, EVENTS, HEALTH, CHILDCARE, TAX, ROADS, WELFARE, PREPAREDNESS, OTHER;

    public String messageKey() {
        return "notice.category." + name();
    }

    /** The category a URL or a form names, if it is one. */
    public static java.util.Optional<NoticeCategory> of(String name) {
        for (NoticeCategory category : values()) {
            if (category.name().equals(name)) {
                return java.util.Optional.of(category);
            }
        }
        return java.util.Optional.empty();
    }
}

package org.machi.alerts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A daily notice (お知らせ): garbage collection, an event, a health check-up. Department staff
 * publish it at once, without a second person; it can be withdrawn, and stays on record.
 */
public final class Notice {

    public enum State { PUBLISHED, WITHDRAWN }

    private final UUID id;
    private final NoticeCategory category;
    private final Map<String, NoticeText> texts;
    private final Set<String> districts;
    private final String link;
    private final String author;
    private final String department;
    private final Instant publishedAt;
    private State state;
    private String withdrawnBy;
    private Instant withdrawnAt;

    private Notice(UUID id, NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link,
                   String author, String department, Instant publishedAt, State state, String withdrawnBy, Instant withdrawnAt) {
        this.id = Objects.requireNonNull(id);
        this.category = Objects.requireNonNull(category);
        this.texts = Map.copyOf(texts);
        this.districts = Set.copyOf(districts);
        this.link = link == null || link.isBlank() ? null : link.strip();
        this.author = Objects.requireNonNull(author);
        this.department = department == null || department.isBlank() ? null : department;
        this.publishedAt = Objects.requireNonNull(publishedAt);
        this.state = Objects.requireNonNull(state);
        this.withdrawnBy = withdrawnBy;
        this.withdrawnAt = withdrawnAt;
    }

    /**
     * A notice published now. Japanese title and text are required, other languages are optional
     * (readers of a missing language get やさしい日本語, English or Japanese); no districts means
     * the whole city; a link must be a web address. The notice belongs to the author's department
     * (none if the author has none).
     */
    public static Notice publish(NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link,
                                 String author, String department, Instant now) {
        NoticeText japanese = texts.get("ja");
        if (japanese == null || blank(japanese.title()) || blank(japanese.body())) {
            throw new AlertRuleBroken("notice.rule.japaneseRequired");
        }
        for (NoticeText text : texts.values()) {
            if (blank(text.title()) || blank(text.body())) {
                throw new AlertRuleBroken("alert.rule.textIncomplete");
            }
            if (length(text.title()) > NoticeText.TITLE_LIMIT || length(text.body()) > NoticeText.BODY_LIMIT) {
                throw new AlertRuleBroken("notice.rule.tooLong");
            }
        }
        if (link != null && !link.isBlank() && !Links.isWebAddress(link.strip())) {
            throw new AlertRuleBroken("notice.rule.linkInvalid");
        }
        return new Notice(UUID.randomUUID(), category, texts, districts, link, author, department, now, State.PUBLISHED, null, null);
    }

    public static Notice restore(UUID id, NoticeCategory category, Map<String, NoticeText> texts, Set<String> districts, String link,
                                 String author, String department, Instant publishedAt, State state, String withdrawnBy,
                                 Instant withdrawnAt) {
        return new Notice(id, category, texts, districts, link, author, department, publishedAt, state, withdrawnBy, withdrawnAt);
    }

    /**
     * Whether this person may withdraw the notice: its author, or a publisher of its department.
     * A notice of no department (its author had none) is its author's alone.
     */
    public boolean mayBeWithdrawnBy(String reference, String theirDepartment) {
        return author.equals(reference) || (department != null && department.equals(theirDepartment));
    }

    /** Taken down (a mistake, a cancelled event); pending deliveries are dropped by the caller. */
    public void withdraw(String by, Instant now) {
        if (state != State.PUBLISHED) {
            throw new AlertRuleBroken("alert.rule.wrongState");
        }
        state = State.WITHDRAWN;
        withdrawnBy = Objects.requireNonNull(by);
        withdrawnAt = now;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    public UUID id() {
        return id;
    }

    public NoticeCategory category() {
        return category;
    }

    public Map<String, NoticeText> texts() {
        return texts;
    }

    /** Empty for the whole city. */
    public Set<String> districts() {
        return districts;
    }

    public boolean wholeCity() {
        return districts.isEmpty();
    }

    public String link() {
        return link;
    }

    public String author() {
        return author;
    }

    /** The department the notice belongs to, or null. */
    public String department() {
        return department;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public State state() {
        return state;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }
}

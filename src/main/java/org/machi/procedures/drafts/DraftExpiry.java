package org.machi.procedures.drafts;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.machi.procedures.ProceduresProperties;
import org.machi.procedures.attachments.Attachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts are kept for {@code machi.procedures.drafts.kept-for} after their last change. Every hour:
 * the owner of a draft whose deadline is {@code remind-before} away is mailed a reminder with a
 * resume link, once for each deadline (a draft changed after the reminder has a later deadline and
 * is announced again); a draft past its deadline is deleted with its attached files.
 */
@Component
public class DraftExpiry {

    private static final Logger log = LoggerFactory.getLogger(DraftExpiry.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ResumeLinks links;
    private final ResumeLinkStore linkStore;
    private final Attachments attachments;
    private final Clock clock;
    private final Duration remindBefore;
    private final Duration linkLifetime;

    DraftExpiry(JdbcClient jdbc, TransactionTemplate transactions, ResumeLinks links, ResumeLinkStore linkStore, Attachments attachments,
                Clock clock, DraftsProperties properties, ProceduresProperties procedures) {
        if (properties.remindBefore().compareTo(procedures.drafts().keptFor()) >= 0) {
            throw new IllegalStateException("machi.procedures.drafts.remind-before (" + properties.remindBefore()
                    + ") must be shorter than machi.procedures.drafts.kept-for (" + procedures.drafts().keptFor() + ")");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.links = links;
        this.linkStore = linkStore;
        this.attachments = attachments;
        this.clock = clock;
        this.remindBefore = properties.remindBefore();
        this.linkLifetime = properties.linkLifetime();
    }

    private record Due(UUID id, UUID applicant, Instant expiresAt) {
    }

    /** Mails the reminders that are due; returns how many. */
    public int remind() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        SELECT a.id, a.applicant, a.draft_expires_at FROM procedures.application a
                        LEFT JOIN procedures.draft_reminder r ON r.application_id = a.id
                        WHERE a.status = 'DRAFT' AND a.channel = 'ONLINE' AND a.draft_expires_at > :now AND a.draft_expires_at <= :soon
                          AND (r.expiry IS NULL OR r.expiry <> a.draft_expires_at)
                        ORDER BY a.draft_expires_at FETCH FIRST :n ROWS ONLY""")
                .param("now", Timestamp.from(now)).param("soon", Timestamp.from(now.plus(remindBefore))).param("n", BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()))
                .list();
        int sent = 0;
        for (Due draft : due) {
            Boolean done = transactions.execute(status -> {
                if (!recordReminder(draft, now)) {
                    return false;
                }
                links.remind(draft.applicant(), draft.id());
                return true;
            });
            sent += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (sent > 0) {
            log.info("Mailed {} reminders of drafts about to be deleted", sent);
        }
        return sent;
    }

    /** Records the reminder of this deadline, unless the draft changed or went meanwhile. */
    private boolean recordReminder(Due draft, Instant now) {
        boolean stillDue = jdbc.sql("SELECT count(*) FROM procedures.application WHERE id = :id AND status = 'DRAFT' AND draft_expires_at = :expires")
                .param("id", draft.id()).param("expires", Timestamp.from(draft.expiresAt())).query(Long.class).single() == 1;
        if (!stillDue) {
            return false;
        }
        int updated = jdbc.sql("UPDATE procedures.draft_reminder SET expiry = :expires, sent_at = :now WHERE application_id = :id")
                .param("expires", Timestamp.from(draft.expiresAt())).param("now", Timestamp.from(now)).param("id", draft.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO procedures.draft_reminder (application_id, expiry, sent_at) VALUES (:id, :expires, :now)")
                    .param("id", draft.id()).param("expires", Timestamp.from(draft.expiresAt())).param("now", Timestamp.from(now)).update();
        }
        return true;
    }

    /** Deletes the drafts past their deadline, with their files; returns how many. */
    public int deleteExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        for (List<UUID> batch = expired(now); !batch.isEmpty(); batch = expired(now)) {
            int before = deleted;
            for (UUID id : batch) {
                Boolean gone = transactions.execute(status -> {
                    // only if still a draft past its deadline: one saved a moment ago is kept
                    boolean removed = jdbc.sql("DELETE FROM procedures.application WHERE id = :id AND status = 'DRAFT' AND draft_expires_at <= :now")
                            .param("id", id).param("now", Timestamp.from(now)).update() == 1;
                    if (removed) {
                        attachments.deleteAttachedTo(id);
                    }
                    return removed;
                });
                deleted += Boolean.TRUE.equals(gone) ? 1 : 0;
            }
            if (deleted == before) {
                break;
            }
        }
        linkStore.forgetEndedBefore(now.minus(linkLifetime).minus(Duration.ofDays(7)));
        if (deleted > 0) {
            log.info("Deleted {} draft applications kept past their period", deleted);
        }
        return deleted;
    }

    private List<UUID> expired(Instant now) {
        return jdbc.sql("""
                        SELECT id FROM procedures.application WHERE status = 'DRAFT' AND draft_expires_at <= :now
                        ORDER BY draft_expires_at FETCH FIRST :n ROWS ONLY""")
                .param("now", Timestamp.from(now)).param("n", BATCH).query(UUID.class).list();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        Task<Void> remindAndDeleteDrafts(DraftExpiry expiry) {
            return Tasks.recurring("procedures-draft-expiry", Schedules.fixedDelay(Duration.ofHours(1)))
                    .execute((instance, context) -> {
                        expiry.remind();
                        expiry.deleteExpired();
                    });
        }
    }
}

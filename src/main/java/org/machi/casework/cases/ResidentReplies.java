package org.machi.casework.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.procedures.Applications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's side of a request for information: reading what the department asks and
 * answering it with text and/or files (accepted beforehand by the procedures module's reply-file
 * intake). Only the applicant reaches their case; anyone else finds nothing.
 */
@Service
public class ResidentReplies {

    /** The longest reply text. */
    public static final int MAX_REPLY = 8000;
    /** The most files one reply takes. */
    public static final int MAX_FILES = 10;

    private final CaseStore store;
    private final CaseWork work;
    private final Applications applications;
    private final Clock clock;

    ResidentReplies(CaseStore store, CaseWork work, Applications applications, Clock clock) {
        this.store = store;
        this.work = work;
        this.applications = applications;
        this.clock = clock;
    }

    /** The case and its open request, for its applicant; empty for anyone else or an unknown case. */
    @Transactional(readOnly = true)
    public Optional<ReplyPage> openRequest(UUID caseId, UUID residentAccount) {
        return store.view(caseId).filter(c -> residentAccount != null && residentAccount.equals(c.applicant()))
                .map(c -> new ReplyPage(c.id(), c.applicationId(), c.receiptNumber(), c.procedureSlug(), c.state(),
                        c.state() == CaseState.NEEDS_INFORMATION ? store.openRequest(caseId).orElse(null) : null));
    }

    /**
     * The applicant answers the open request: the case moves to RESIDENT_REPLIED. Refused with
     * {@code NOT_FOUND} for anyone but the applicant, {@code NOT_WAITING_FOR_REPLY} when the case
     * does not wait for one, {@code REPLY_EMPTY} without text or files, {@code TEXT_TOO_LONG},
     * {@code TOO_MANY_FILES}, {@code NOT_APPLICANT} for a file the resident did not send; nothing changes then.
     */
    @Transactional
    public CaseOutcome reply(UUID caseId, UUID residentAccount, String text, List<UUID> fileIds) {
        List<UUID> files = fileIds == null ? List.of() : fileIds.stream().distinct().toList();
        String reply = text == null || text.isBlank() ? null : text.strip();
        try {
            Case c = store.find(caseId).filter(found -> residentAccount != null && residentAccount.equals(found.applicant()))
                    .orElseThrow(() -> new CaseRefused(CaseRefusal.NOT_FOUND));
            if (c.state() == CaseState.NEEDS_INFORMATION) {
                if (reply != null && reply.length() > MAX_REPLY) {
                    throw new CaseRefused(CaseRefusal.TEXT_TOO_LONG);
                }
                if (files.size() > MAX_FILES) {
                    throw new CaseRefused(CaseRefusal.TOO_MANY_FILES);
                }
                if (applications.ownReplyFiles(files, residentAccount).size() != files.size()) {
                    throw new CaseRefused(CaseRefusal.NOT_APPLICANT); // a file the resident did not send themselves
                }
            }
            Instant now = clock.instant();
            Transition t = c.residentReply(residentAccount, reply != null || !files.isEmpty(), now);
            RequestView request = store.openRequest(caseId).orElseThrow(() -> new CaseRefused(CaseRefusal.NOT_WAITING_FOR_REPLY));
            long transitionId = work.write(c, t);
            if (!store.answer(caseId, request.id(), reply, files, now)) {
                throw new IllegalStateException("the open request of case " + caseId + " was answered twice");
            }
            work.announce(c, t, transitionId);
            return CaseOutcome.done(c.state());
        } catch (CaseRefused refused) {
            return CaseOutcome.refused(refused.refusal());
        }
    }
}

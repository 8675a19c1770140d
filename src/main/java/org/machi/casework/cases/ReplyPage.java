package org.machi.casework.cases;

import java.util.Optional;
import java.util.UUID;
import org.machi.casework.CaseState;

/**
 * What the applicant's reply page shows: the case, and the request it waits for; the request is
 * null when the case does not wait for a reply (the page then says so: {@link #refusal()}).
 */
public record ReplyPage(UUID caseId, UUID applicationId, String receiptNumber, String procedureSlug, CaseState state,
                        RequestView request) {

    public boolean waiting() {
        return request != null;
    }

    /** {@code NOT_WAITING_FOR_REPLY} when no reply is expected, else empty. */
    public Optional<CaseRefusal> refusal() {
        return waiting() ? Optional.empty() : Optional.of(CaseRefusal.NOT_WAITING_FOR_REPLY);
    }
}

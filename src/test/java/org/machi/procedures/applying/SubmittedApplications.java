package org.machi.procedures.applying;

import java.time.Clock;
import java.util.UUID;

/** Submitted applications (of the bulky-waste test form) for tests outside this package, through the service as the pages submit. */
public final class SubmittedApplications {

    private final Applying applying;
    private final TestApplications forms;

    public SubmittedApplications(Applying applying, Clock clock) {
        this.applying = applying;
        this.forms = new TestApplications(applying, clock);
    }

    /** A submitted sodai-gomi application of the resident, with 厚木 太郎 as the applicant; its id. */
    public UUID submit(UUID resident) {
        UUID id = forms.completeDraft(resident, "046-225-2790");
        Applying.SubmitResult result = forms.submit(resident, id).result();
        if (result != Applying.SubmitResult.SUBMITTED) {
            throw new IllegalStateException("not submitted: " + result);
        }
        return id;
    }

    /** Its receipt number. */
    public String receiptNumber(UUID resident, UUID applicationId) {
        return applying.application(resident, applicationId).orElseThrow().receiptNumber();
    }
}

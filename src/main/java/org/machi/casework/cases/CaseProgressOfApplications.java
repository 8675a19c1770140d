package org.machi.casework.cases;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.machi.casework.CaseState;
import org.machi.shared.CaseProgress;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each application's case stands, for the applicant's own pages (the procedures module asks
 * for the applicant's applications only): the state, whether it is decided, the rejection reason or
 * the open request, the reply page while one is open, and when the state last changed.
 */
@Component
class CaseProgressOfApplications implements CaseProgress {

    private final CaseStore store;

    CaseProgressOfApplications(CaseStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Progress> of(Collection<UUID> applicationIds) {
        Map<UUID, Progress> progress = new LinkedHashMap<>();
        for (CaseStore.Progress p : store.progress(applicationIds)) {
            boolean waiting = p.state() == CaseState.NEEDS_INFORMATION;
            String reason = waiting ? p.openRequest() : p.rejection();
            progress.put(p.applicationId(), new Progress(p.state().name(), p.state().decided(), reason,
                    waiting ? CaseMailer.replyPath(p.caseId()) : null, p.changedAt()));
        }
        return progress;
    }
}

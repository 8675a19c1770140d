package org.machi.procedures.applying;

import org.machi.identity.ResidentAccountDeleted;
import org.machi.procedures.ApplicationStatus;
import org.machi.procedures.ApplicationView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's unfinished drafts (and their files) go at once. Submitted applications stay:
 * they are the city's records of a request, kept as its document rules say, not the resident's to erase.
 */
@Component
class DraftsOfDeletedAccounts {

    private final Applying applying;

    DraftsOfDeletedAccounts(Applying applying) {
        this.applying = applying;
    }

    @ApplicationModuleListener
    void on(ResidentAccountDeleted deleted) {
        applying.mine(deleted.account()).stream().filter(a -> a.status() == ApplicationStatus.DRAFT).map(ApplicationView::id)
                .forEach(id -> applying.deleteDraft(deleted.account(), id));
    }
}

package org.machi.procedures.bundles;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.applying.Answers;

/**
 * A resident's life-event bundle: the online procedures of their plan that have a form, those left
 * out and why, the shared facts once entered (null before), and the drafts started from them.
 */
public record Bundle(UUID id, UUID owner, LifeEvent event, List<String> procedures, List<Skipped> skipped, Answers facts,
                     List<BundleDraft> drafts, Instant createdAt, Instant updatedAt) {

    public Bundle {
        procedures = List.copyOf(procedures);
        skipped = List.copyOf(skipped);
        drafts = List.copyOf(drafts);
    }

    public boolean factsEntered() {
        return facts != null;
    }

    /** A procedure of the plan that is not in the bundle. */
    public record Skipped(String slug, Reason reason) {
    }

    /** Why: no published form yet, it needs sign-in with the My Number Card, or the account is not a resident's. */
    public enum Reason { NO_FORM, NEEDS_CARD, NOT_A_RESIDENT, NOT_ONLINE }

    /** A draft the bundle started, and the fields of it the facts filled. */
    public record BundleDraft(int order, String procedure, UUID applicationId, Set<String> fromBundle) {
    }
}

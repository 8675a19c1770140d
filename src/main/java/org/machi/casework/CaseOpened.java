package org.machi.casework;

import java.time.Instant;
import java.util.UUID;

/** A submitted application became a case (state RECEIVED). Carries no personal data. */
public record CaseOpened(UUID caseId, UUID applicationId, String procedureSlug, String department, String channel, Instant openedAt) {
}

package org.machi.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident deleted their account: other modules remove what was only the resident's own
 * (unfinished drafts, saved plans), and keep what the city must keep as its records.
 */
public record ResidentAccountDeleted(UUID account, Instant deletedAt) {
}

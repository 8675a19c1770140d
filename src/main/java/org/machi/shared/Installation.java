package org.machi.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * This deployment of Machi as its database remembers it: created at the first start and kept
 * across restarts, shared by every node on the same database.
 *
 * @param id             stable identifier of the deployment
 * @param firstStartedAt when the database was first started on
 * @param lastStartedAt  when a node last started
 * @param starts         how many times a node has started on this database
 */
public record Installation(UUID id, Instant firstStartedAt, Instant lastStartedAt, long starts) {
}

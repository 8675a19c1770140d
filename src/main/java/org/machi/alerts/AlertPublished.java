package org.machi.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert, an update or a cancel was published. It is stored with the publication, in the same
 * transaction (Modulith's event publication registry), so that its listeners, the delivery to
 * every subscriber first of all, get it even if the node stops right after the commit.
 *
 * @param msgType "Alert", "Update" or "Cancel", as CAP spells it
 */
public record AlertPublished(UUID alertId, String capIdentifier, String msgType, Instant publishedAt) {
}

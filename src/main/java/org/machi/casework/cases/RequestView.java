package org.machi.casework.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request for more information and the resident's reply, if any.
 *
 * @param replyFiles the ids of the reply's files (procedures' reply files: {@code Applications.replyFile})
 */
public record RequestView(UUID id, String askedBy, String message, Instant askedAt, String reply, List<UUID> replyFiles,
                          Instant answeredAt) {

    public boolean answered() {
        return answeredAt != null;
    }
}

package org.machi.alerts;

import java.time.Instant;
import java.util.UUID;

/** A daily notice was taken down: what has not reached its subscribers yet is not sent. */
public record NoticeWithdrawn(UUID noticeId, Instant withdrawnAt) {
}

package org.machi.alerts;

import java.time.Instant;
import java.util.UUID;

/** A daily notice was published; stored with it, as {@link AlertPublished} is. */
public record NoticePublished(UUID noticeId, String category, Instant publishedAt) {
}

package org.machi.procedures.attachments;

import java.util.UUID;

/**
 * A file that was accepted and stored (cleaned of metadata, encrypted), not yet part of an application
 * until {@link Attachments#attach} is called.
 *
 * @param mediaType what the content is, as sniffed: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 * @param size      the stored (cleaned) content's size in bytes
 * @param sha256    the SHA-256 of the stored content, hex
 * @param filename  the name the resident gave, without any folder part or control characters
 */
public record StoredAttachment(UUID id, String mediaType, long size, String sha256, String filename) implements Acceptance {
}

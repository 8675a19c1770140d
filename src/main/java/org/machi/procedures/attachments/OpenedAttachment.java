package org.machi.procedures.attachments;

/** A stored file, decrypted and checked against its SHA-256, for its owner to see or download. */
public record OpenedAttachment(byte[] content, String mediaType, String filename) {
}

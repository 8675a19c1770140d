package org.machi.procedures.attachments;

/** What became of an upload: a {@link StoredAttachment}, or a {@link FileRefusal} saying why not. */
public sealed interface Acceptance permits StoredAttachment, FileRefusal {
}

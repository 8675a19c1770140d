package org.machi.casework.cases;

import java.time.Instant;
import java.util.UUID;

/** An internal note on a case; never shown to the resident. */
public record NoteView(UUID id, String author, String text, Instant writtenAt) {
}

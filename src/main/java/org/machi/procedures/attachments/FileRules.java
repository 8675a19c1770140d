package org.machi.procedures.attachments;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one file field takes: the kinds of content and the largest size in bytes.
 *
 * @param accept   at least one kind
 * @param maxBytes at most {@link #LARGEST} (10 MiB), the most a form may ask for
 */
public record FileRules(Set<FileKind> accept, long maxBytes) {

    public static final long LARGEST = 10L * 1024 * 1024;

    public FileRules {
        Objects.requireNonNull(accept, "accept");
        if (accept.isEmpty()) {
            throw new IllegalArgumentException("a file field accepts at least one kind of file");
        }
        if (maxBytes < 1 || maxBytes > LARGEST) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + LARGEST);
        }
        accept = Set.copyOf(EnumSet.copyOf(accept));
    }

    /** The accepted kinds for a message, in a fixed order: "PDF / JPEG / PNG". */
    String kindsForMessage() {
        return EnumSet.copyOf(accept).stream().map(Enum::name).collect(Collectors.joining(" / "));
    }
}

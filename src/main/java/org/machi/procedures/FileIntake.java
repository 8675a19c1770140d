package org.machi.procedures;

import java.util.List;
import java.util.UUID;

/** What became of a file sent with a reply to a case ({@link Applications#acceptReplyFile}): kept, or refused and why. */
public sealed interface FileIntake permits FileIntake.Accepted, FileIntake.Refused {

    /**
     * Checked, cleaned and stored encrypted.
     *
     * @param filename the name the resident gave it, without any folder part or control characters
     * @param bytes    the stored (cleaned) size
     */
    record Accepted(UUID fileId, String filename, long bytes) implements FileIntake {
    }

    /**
     * Not kept: a message key of the {@code procedures-files} bundle ({@code form.file.*}) to show beside
     * the file input, with its arguments (such as the largest size in MB).
     */
    record Refused(String messageKey, List<Object> arguments) implements FileIntake {

        public Refused {
            arguments = arguments == null ? List.of() : List.copyOf(arguments);
        }

        public Refused(String messageKey) {
            this(messageKey, List.of());
        }

        /** The arguments as {@link org.springframework.context.MessageSource} takes them. */
        public Object[] args() {
            return arguments.toArray();
        }
    }
}

package org.machi.procedures.attachments;

import java.util.List;

/**
 * Why a file was not accepted: a message key under {@code form.file.*} (bundle {@code procedures-files})
 * and its arguments, for the form to show beside the field's label.
 */
public record FileRefusal(String messageKey, List<Object> arguments) implements Acceptance {

    public FileRefusal {
        arguments = List.copyOf(arguments);
    }

    static FileRefusal of(String reason, Object... arguments) {
        return new FileRefusal("form.file." + reason, List.of(arguments));
    }

    /** The arguments as {@link org.springframework.context.MessageSource} takes them. */
    public Object[] args() {
        return arguments.toArray();
    }
}

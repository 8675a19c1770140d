package org.machi.procedures.applying;

import java.io.InputStream;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.forms.FileFormat;

/**
 * Where the file of a FILE field goes. There is no implementation in this module: until the
 * attachments module provides one, FILE fields refuse every file with "attachments are not available yet".
 */
public interface AttachmentIntake {

    /** The stored file's id, or the message key of why it was refused. */
    Result accept(UUID owner, Set<FileFormat> accept, long maxBytes, String filename, String declaredType, InputStream body);

    record Result(UUID attachmentId, String refusalKey) {
    }
}

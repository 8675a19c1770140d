package org.machi.procedures.applying;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.forms.FileFormat;

/**
 * Where the file of a FILE field goes: taken for a draft (and kept with it from then on), described
 * on its pages, opened for its owner, and deleted with the draft.
 */
public interface AttachmentIntake {

    /** Checks and stores one file for the draft {@code applicationId} of {@code owner}; the file belongs to the draft at once. */
    Result accept(UUID owner, UUID applicationId, Set<FileFormat> accept, long maxBytes, String filename, String declaredType,
                  InputStream body);

    /** The stored file's id, or the message key of why it was refused and the message's arguments. */
    record Result(UUID attachmentId, String refusalKey, List<Object> refusalArgs) {

        public Result {
            refusalArgs = refusalArgs == null ? List.of() : List.copyOf(refusalArgs);
        }
    }

    /** The files of an application or draft (name, size), without their content. */
    List<FileInfo> files(UUID applicationId);

    /** A file's content for its owner, if it is theirs and belongs to that application. */
    Optional<Download> open(UUID id, UUID owner, UUID applicationId);

    /** Deletes one of the owner's files (replaced or removed from the form). */
    boolean remove(UUID id, UUID owner);

    /** Deletes every file of a draft or application. */
    int deleteAttachedTo(UUID applicationId);

    record FileInfo(UUID id, String filename, long size, String mediaType) {
    }

    record Download(byte[] content, String mediaType, String filename) {
    }
}

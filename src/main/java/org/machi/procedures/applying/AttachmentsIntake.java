package org.machi.procedures.applying;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.attachments.Attachments;
import org.machi.procedures.attachments.FileKind;
import org.machi.procedures.attachments.FileRefusal;
import org.machi.procedures.attachments.FileRules;
import org.machi.procedures.attachments.StoredAttachment;
import org.machi.procedures.forms.FileFormat;
import org.springframework.stereotype.Component;

/**
 * FILE fields backed by {@link Attachments}. A file is attached to the draft as soon as it is
 * accepted, not on submit: unattached files are deleted after a day, and a resident may well
 * finish a draft later than that; the draft's deletion takes its files with it.
 */
@Component
class AttachmentsIntake implements AttachmentIntake {

    private final Attachments attachments;

    AttachmentsIntake(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public Result accept(UUID owner, UUID applicationId, Set<FileFormat> accept, long maxBytes, String filename, String declaredType,
                         InputStream body) {
        Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
        accept.forEach(format -> kinds.add(FileKind.valueOf(format.name())));
        var acceptance = attachments.accept(owner, new FileRules(kinds, maxBytes), filename, declaredType, body);
        if (acceptance instanceof FileRefusal refusal) {
            return new Result(null, refusal.messageKey(), refusal.arguments());
        }
        StoredAttachment stored = (StoredAttachment) acceptance;
        if (!attachments.attach(stored.id(), owner, applicationId)) {
            attachments.delete(stored.id(), owner);
            throw new IllegalStateException("a file just stored could not be attached to its draft");
        }
        return new Result(stored.id(), null, List.of());
    }

    @Override
    public List<FileInfo> files(UUID applicationId) {
        return attachments.attachedTo(applicationId).stream()
                .map(file -> new FileInfo(file.id(), file.filename(), file.size(), file.mediaType())).toList();
    }

    @Override
    public Optional<Download> open(UUID id, UUID owner, UUID applicationId) {
        boolean ofThatApplication = attachments.attachedTo(applicationId).stream().anyMatch(file -> file.id().equals(id));
        if (!ofThatApplication) {
            return Optional.empty();
        }
        return attachments.open(id, owner).map(file -> new Download(file.content(), file.mediaType(), file.filename()));
    }

    @Override
    public boolean remove(UUID id, UUID owner) {
        return attachments.delete(id, owner);
    }

    @Override
    public int deleteAttachedTo(UUID applicationId) {
        return attachments.deleteAttachedTo(applicationId);
    }
}

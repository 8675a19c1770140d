package org.machi.procedures.applying;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitted applications for staff, whoever sent them: the module's facade
 * ({@link org.machi.procedures.Applications}) audits every read before it hands anything on.
 * Drafts are never found here.
 */
@Service
public class StaffAccess {

    private final ApplicationStore store;
    private final FormVersions forms;
    private final ObjectProvider<AttachmentIntake> attachments;

    StaffAccess(ApplicationStore store, FormVersions forms, ObjectProvider<AttachmentIntake> attachments) {
        this.store = store;
        this.forms = forms;
        this.attachments = attachments;
    }

    /** A submitted or withdrawn application; empty for a draft or an unknown id. */
    @Transactional(readOnly = true)
    public Optional<StoredApplication> sent(UUID applicationId) {
        return store.findSent(applicationId);
    }

    @Transactional(readOnly = true)
    public Optional<FormDefinition> formOf(StoredApplication application) {
        return forms.publishedDefinition(application.procedure(), application.formVersion());
    }

    /** The application's files by id, without their content. */
    public Map<UUID, AttachmentIntake.FileInfo> files(UUID applicationId) {
        AttachmentIntake intake = attachments.getIfAvailable();
        Map<UUID, AttachmentIntake.FileInfo> files = new LinkedHashMap<>();
        if (intake != null) {
            intake.files(applicationId).forEach(file -> files.put(file.id(), file));
        }
        return files;
    }

    /** One file of the application, opened; empty when it is not one of its files. */
    public Optional<AttachmentIntake.Download> file(StoredApplication application, UUID fileId) {
        AttachmentIntake intake = attachments.getIfAvailable();
        return intake == null ? Optional.empty() : intake.open(fileId, application.fileOwner(), application.id());
    }
}

package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;

/** The attachment metadata as PostgreSQL keeps it: stored, opened by its owner, attached once. */
@RequiresPostgres
class AttachmentsOnPostgresTests extends OnPostgres {

    @Autowired
    Attachments attachments;

    @Test
    void aFileIsStoredOpenedAndAttachedOnPostgres() {
        UUID owner = UUID.randomUUID();
        byte[] pdf = TestFiles.pdf("on postgres");

        Acceptance result = attachments.accept(owner, new FileRules(Set.of(FileKind.PDF), 1024 * 1024), "申請書.pdf", "application/pdf",
                new ByteArrayInputStream(pdf));

        assertThat(result).isInstanceOf(StoredAttachment.class);
        StoredAttachment stored = (StoredAttachment) result;
        assertThat(attachments.open(stored.id(), owner).orElseThrow().content()).isEqualTo(pdf);
        assertThat(attachments.open(stored.id(), owner).orElseThrow().filename()).isEqualTo("申請書.pdf");
        UUID application = UUID.randomUUID();
        assertThat(attachments.attach(stored.id(), owner, application)).isTrue();
        assertThat(attachments.attach(stored.id(), owner, UUID.randomUUID())).isFalse();
        assertThat(attachments.attachedTo(application)).containsExactly(stored);
        assertThat(attachments.delete(stored.id(), owner)).isTrue();
        assertThat(attachments.open(stored.id(), owner)).isEmpty();
    }
}

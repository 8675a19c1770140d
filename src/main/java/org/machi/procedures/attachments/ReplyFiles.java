package org.machi.procedures.attachments;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files a resident sends with a reply to a case's request for information: checked exactly like
 * application attachments (kind by content, size, virus scan, images re-encoded, PDFs inspected)
 * and stored like them, encrypted. Each belongs to itself (so the clean-up of unattached uploads
 * keeps it) and has a row in {@code procedures.reply_file} naming its owner.
 */
@Component
public class ReplyFiles {

    /** Any kind an attachment may be, up to the largest a form may ask for. */
    public static final FileRules RULES = new FileRules(EnumSet.allOf(FileKind.class), FileRules.LARGEST);

    private final Attachments attachments;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReplyFiles(Attachments attachments, JdbcClient jdbc, Clock clock) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks and keeps one file of the owner's; call it in a transaction. */
    public Acceptance accept(UUID owner, String filename, String declaredType, InputStream body) {
        Acceptance acceptance = attachments.accept(owner, RULES, filename, declaredType, body);
        if (acceptance instanceof StoredAttachment stored) {
            jdbc.sql("INSERT INTO procedures.reply_file (id, owner_id, created_at) VALUES (:id, :owner, :now)")
                    .param("id", stored.id()).param("owner", owner).param("now", Timestamp.from(clock.instant())).update();
            if (!attachments.attach(stored.id(), owner, stored.id())) {
                throw new IllegalStateException("a reply file just stored could not be kept");
            }
        }
        return acceptance;
    }

    /** Whose reply file it is; empty when there is no such reply file. */
    public Optional<UUID> owner(UUID fileId) {
        return jdbc.sql("SELECT owner_id FROM procedures.reply_file WHERE id = :id").param("id", fileId).query(UUID.class).optional();
    }

    /** The file opened, with its owner; empty when there is no such reply file. */
    public Optional<OpenedAttachment> open(UUID fileId) {
        return owner(fileId).flatMap(owner -> attachments.open(fileId, owner));
    }

    /** The reply file described (name, size, type; no content), with its owner; empty when there is none by that id. */
    public Optional<Described> describe(UUID fileId) {
        return owner(fileId).flatMap(owner -> attachments.attachedTo(fileId).stream().filter(file -> file.id().equals(fileId)).findFirst()
                .map(file -> new Described(owner, file)));
    }

    public record Described(UUID owner, StoredAttachment file) {
    }

    /** Deletes the reply file and its content; false when there was none. */
    public boolean delete(UUID fileId) {
        Optional<UUID> owner = owner(fileId);
        if (owner.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM procedures.reply_file WHERE id = :id").param("id", fileId).update();
        attachments.delete(fileId, owner.get());
        return true;
    }
}

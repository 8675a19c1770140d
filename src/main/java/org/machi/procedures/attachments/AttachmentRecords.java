package org.machi.procedures.attachments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of {@code procedures.attachment}: what is known of each stored file. */
class AttachmentRecords {

    private final JdbcClient jdbc;

    AttachmentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        jdbc.sql("""
                INSERT INTO procedures.attachment
                    (id, owner_id, application_id, filename_sealed, media_type, size_bytes, sha256, storage_key, key_sealed, created_at)
                VALUES (:id, :owner, NULL, :filename, :mediaType, :size, :sha256, :storageKey, :keySealed, :createdAt)""")
                .param("id", row.id()).param("owner", row.owner()).param("filename", row.filenameSealed())
                .param("mediaType", row.mediaType()).param("size", row.size()).param("sha256", row.sha256())
                .param("storageKey", row.storageKey()).param("keySealed", row.keySealed())
                .param("createdAt", Timestamp.from(row.createdAt()))
                .update();
    }

    Optional<Row> find(UUID id, UUID owner) {
        return jdbc.sql("""
                SELECT id, owner_id, application_id, filename_sealed, media_type, size_bytes, sha256, storage_key, key_sealed, created_at
                FROM procedures.attachment WHERE id = :id AND owner_id = :owner""")
                .param("id", id).param("owner", owner)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getString("filename_sealed"), rs.getString("media_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"), rs.getString("key_sealed"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** Gives an unattached file of this owner to an application; false if it is another's, or not there. */
    boolean attach(UUID id, UUID owner, UUID applicationId) {
        return jdbc.sql("""
                UPDATE procedures.attachment SET application_id = :application
                WHERE id = :id AND owner_id = :owner AND (application_id IS NULL OR application_id = :application)""")
                .param("id", id).param("owner", owner).param("application", applicationId).update() == 1;
    }

    /** As {@link #attach(UUID, UUID, UUID)}, whoever uploaded it. */
    boolean attach(UUID id, UUID applicationId) {
        return jdbc.sql("""
                UPDATE procedures.attachment SET application_id = :application
                WHERE id = :id AND (application_id IS NULL OR application_id = :application)""")
                .param("id", id).param("application", applicationId).update() == 1;
    }

    List<Row> attachedTo(UUID applicationId) {
        return jdbc.sql("""
                SELECT id, owner_id, application_id, filename_sealed, media_type, size_bytes, sha256, storage_key, key_sealed, created_at
                FROM procedures.attachment WHERE application_id = :application ORDER BY created_at, id""")
                .param("application", applicationId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getString("filename_sealed"), rs.getString("media_type"),
                        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"), rs.getString("key_sealed"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Removes every row of an application and tells the storage keys they had. */
    List<String> deleteAttachedTo(UUID applicationId) {
        List<String> keys = jdbc.sql("SELECT storage_key FROM procedures.attachment WHERE application_id = :application")
                .param("application", applicationId).query(String.class).list();
        jdbc.sql("DELETE FROM procedures.attachment WHERE application_id = :application").param("application", applicationId).update();
        return keys;
    }

    /** Removes the row and tells the storage key it had. */
    Optional<String> delete(UUID id, UUID owner) {
        Optional<String> key = jdbc.sql("SELECT storage_key FROM procedures.attachment WHERE id = :id AND owner_id = :owner")
                .param("id", id).param("owner", owner).query(String.class).optional();
        key.ifPresent(k -> jdbc.sql("DELETE FROM procedures.attachment WHERE id = :id").param("id", id).update());
        return key;
    }

    /** Up to {@code limit} files no application took, uploaded before the cut-off: id and storage key. */
    List<Unattached> unattachedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT id, storage_key FROM procedures.attachment
                WHERE application_id IS NULL AND created_at < :cutoff ORDER BY created_at LIMIT :limit""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query((rs, n) -> new Unattached(rs.getObject("id", UUID.class), rs.getString("storage_key")))
                .list();
    }

    /** Deletes the row if it is still unattached (an application may have taken it meanwhile). */
    boolean deleteIfUnattached(UUID id) {
        return jdbc.sql("DELETE FROM procedures.attachment WHERE id = :id AND application_id IS NULL").param("id", id).update() == 1;
    }

    record Row(UUID id, UUID owner, UUID applicationId, String filenameSealed, String mediaType, long size, String sha256,
               String storageKey, String keySealed, Instant createdAt) {
    }

    record Unattached(UUID id, String storageKey) {
    }
}

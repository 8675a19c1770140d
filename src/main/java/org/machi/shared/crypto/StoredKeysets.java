package org.machi.shared.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keysets kept in the database ({@code shared.keyset}), wrapped with the key-encryption key, so
 * that every node reads the same keys. Each statement commits on its own: the first node to start
 * inserts the keyset if none is there yet, and every node then reads back what was stored.
 */
final class StoredKeysets {

    private static final Logger log = LoggerFactory.getLogger(StoredKeysets.class);

    /** Creates the first keyset of a kind (generated, or taken over from a file). */
    interface FirstKeyset {
        KeysetHandle create() throws GeneralSecurityException;
    }

    private record Row(String wrapped, long version) {
    }

    private final JdbcClient jdbc;
    private final KeyEncryptionKey current;
    private final Optional<KeyEncryptionKey> previous;
    private final Clock clock;

    StoredKeysets(JdbcClient jdbc, KeyEncryptionKey current, Optional<KeyEncryptionKey> previous, Clock clock) {
        this.jdbc = jdbc;
        this.current = current;
        this.previous = previous;
        this.clock = clock;
    }

    /** The stored keyset of the kind; stored first, from {@code first}, when there is none yet. */
    KeysetHandle obtain(Keysets.Kind kind, FirstKeyset first) throws GeneralSecurityException {
        Optional<Row> row = read(kind);
        if (row.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            // Another node starting at the same moment may insert first: its keyset is the one kept.
            int inserted = jdbc.sql("""
                    INSERT INTO shared.keyset (kind, wrapped, version, created_at, wrapped_at)
                    VALUES (:kind, :wrapped, 0, :now, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("kind", kind.name)
                    .param("wrapped", current.wrap(first.create(), kind))
                    .param("now", now)
                    .update();
            if (inserted == 1) {
                log.info("Stored the {} keyset in the database (shared.keyset), wrapped with the key-encryption key", kind.name);
            }
            row = read(kind);
        }
        return open(kind, row.orElseThrow());
    }

    /**
     * Replaces the stored keyset of the kind by {@code change} applied to it (a key added, another
     * made primary), unless another node changed it meanwhile. Returns the keyset as stored.
     */
    KeysetHandle change(Keysets.Kind kind, UnaryOperator<KeysetHandle> change) throws GeneralSecurityException {
        Row row = read(kind).orElseThrow(() -> new KeysUnavailableException(
                "There is no " + kind.name + " keyset in the database yet.", "Start Machi once, so that it stores its keysets."));
        KeysetHandle changed = change.apply(open(kind, row));
        if (!replace(kind, row, current.wrap(changed, kind))) {
            throw new KeysUnavailableException("The " + kind.name + " keyset was changed by someone else meanwhile; nothing was changed.",
                    "Run the command again.");
        }
        return changed;
    }

    private KeysetHandle open(Keysets.Kind kind, Row row) throws GeneralSecurityException {
        try {
            return current.unwrap(row.wrapped(), kind);
        } catch (GeneralSecurityException notWithTheCurrentKey) {
            if (previous.isPresent()) {
                KeysetHandle keyset = openWithPrevious(kind, row);
                // rolled to the new KEK: from now on the current one opens it, on every node
                if (replace(kind, row, current.wrap(keyset, kind))) {
                    log.info("Wrapped the {} keyset in the database with the new key-encryption key", kind.name);
                }
                return keyset;
            }
            throw wrongKey(kind);
        }
    }

    private KeysetHandle openWithPrevious(Keysets.Kind kind, Row row) {
        try {
            return previous.orElseThrow().unwrap(row.wrapped(), kind);
        } catch (GeneralSecurityException neitherKey) {
            throw wrongKey(kind);
        }
    }

    private boolean replace(Keysets.Kind kind, Row row, String wrapped) {
        return jdbc.sql("""
                UPDATE shared.keyset SET wrapped = :wrapped, version = version + 1, wrapped_at = :now
                WHERE kind = :kind AND version = :version""")
                .param("wrapped", wrapped)
                .param("now", Timestamp.from(clock.instant()))
                .param("kind", kind.name)
                .param("version", row.version())
                .update() == 1;
    }

    private Optional<Row> read(Keysets.Kind kind) {
        return jdbc.sql("SELECT wrapped, version FROM shared.keyset WHERE kind = :kind")
                .param("kind", kind.name)
                .query((rs, n) -> new Row(rs.getString("wrapped"), rs.getLong("version")))
                .optional();
    }

    /** Deliberately without the cause: it adds nothing but Tink's "decryption failed". */
    private static KeysUnavailableException wrongKey(Keysets.Kind kind) {
        return new KeysUnavailableException(
                "The " + kind.name + " keyset in the database (shared.keyset) does not open with the configured key-encryption key ("
                        + KeyEncryptionKey.PROPERTY + ").",
                "Give every node the key-encryption key the keysets were stored with. To change it, give the new key as "
                        + KeyEncryptionKey.PROPERTY + " and the old one as " + KeyEncryptionKey.PREVIOUS_PROPERTY
                        + " (see docs/operations.md, 'Keys and personal data').");
    }
}

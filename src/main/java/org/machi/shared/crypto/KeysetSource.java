package org.machi.shared.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a node's keysets come from, in this order: a keyset given in configuration; the database,
 * wrapped with the key-encryption key, when one is configured (every node reads the same keys);
 * files under {@code <data-dir>/keys} on the embedded database, which only one node can use. On a
 * database that several nodes can share, a node with neither refuses to start: keys of its own
 * would make the other nodes' data unreadable to it and its data to them.
 */
final class KeysetSource {

    private static final Logger log = LoggerFactory.getLogger(KeysetSource.class);

    private final Optional<StoredKeysets> database;
    private final boolean sharedDatabase;
    private final Path keyDirectory;

    KeysetSource(Optional<StoredKeysets> database, boolean sharedDatabase, Path keyDirectory) {
        this.database = database;
        this.sharedDatabase = sharedDatabase;
        this.keyDirectory = keyDirectory;
    }

    /** The keyset of the kind; {@code configured} is its Tink JSON from configuration, or blank. */
    KeysetHandle keyset(Keysets.Kind kind, String configured) {
        if (configured != null && !configured.isBlank()) {
            return Keysets.parse(kind, configured);
        }
        if (database.isPresent()) {
            try {
                return database.get().obtain(kind, () -> firstKeyset(kind));
            } catch (GeneralSecurityException e) {
                throw new DataProtectionException("Could not store the " + kind.name + " keyset", e);
            }
        }
        if (sharedDatabase) {
            throw new KeysUnavailableException(
                    "No " + kind.name + " keyset is configured, and no key-encryption key to keep keysets in the database: "
                            + "on a database several nodes share, a node must not make keys of its own.",
                    "Give every node the same key-encryption key (" + KeyEncryptionKey.PROPERTY
                            + ", environment MACHI_CRYPTO_KEY_ENCRYPTION_KEY; generate it with 'openssl rand -base64 32'): "
                            + "the first node to start then stores the keysets in the database. Or give every keyset in "
                            + "configuration (machi.crypto.*-keyset). See docs/operations.md, 'Keys and personal data'.");
        }
        return Keysets.load(kind, null, keyDirectory);
    }

    /** The keysets kept in the database, when a key-encryption key is configured. */
    Optional<StoredKeysets> stored() {
        return database;
    }

    /** A node that had file keys before (a single node) brings them along; otherwise new ones. */
    private KeysetHandle firstKeyset(Keysets.Kind kind) throws GeneralSecurityException {
        Optional<KeysetHandle> fromFile = Keysets.readFile(kind, keyDirectory);
        if (fromFile.isPresent()) {
            log.info("Taking the {} keyset of {} into the database; once the database is backed up, the file can be removed",
                    kind.name, keyDirectory);
            return fromFile.get();
        }
        return Keysets.generate(kind);
    }
}

package org.machi.procedures.attachments;

import java.util.Optional;

/**
 * Where attachment content (already encrypted) is kept, outside the database, by key. Keys are
 * made by {@link Attachments}: lower-case letters, digits and dashes only.
 */
public interface FileStore {

    /** Stores the bytes under the key, whole or not at all. */
    void put(String key, byte[] content);

    Optional<byte[]> get(String key);

    /** Removes what the key holds; nothing happens if it holds nothing. */
    void delete(String key);
}

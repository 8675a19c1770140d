package org.machi.procedures.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.machi.procedures.attachments.AttachmentRecords.Row;
import org.machi.procedures.attachments.ContentEncryption.FileKey;
import org.machi.procedures.attachments.ImageCleaner.Cleaned;
import org.machi.procedures.attachments.VirusScanner.ScannerUnavailableException;
import org.machi.procedures.attachments.VirusScanner.Verdict;
import org.machi.shared.DataProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files residents attach to applications. An upload is read up to the field's limit and no further,
 * known by its content (never its name or declared type), scanned for malware when a scanner is
 * configured, cleaned (images re-encoded without their metadata; PDFs refused if encrypted or
 * active), and stored encrypted outside the database with its SHA-256. Only its owner opens it.
 * Files no application takes are deleted after {@code machi.procedures.attachments.unattached-kept-for}.
 */
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);
    private static final String FILENAME_CONTEXT = "procedures.attachment.filename";
    private static final int LONGEST_FILENAME = 200;
    private static final int CLEAN_UP_BATCH = 500;

    private final AttachmentRecords records;
    private final FileStore store;
    private final VirusScanner scanner;
    private final ImageCleaner images;
    private final ContentEncryption encryption;
    private final DataProtection protection;
    private final Clock clock;
    private final AttachmentsProperties properties;

    Attachments(AttachmentRecords records, FileStore store, VirusScanner scanner, DataProtection protection, Clock clock,
                AttachmentsProperties properties) {
        this.records = records;
        this.store = store;
        this.scanner = scanner;
        this.images = new ImageCleaner(properties.maxPixels(), properties.maxSide(), properties.decodesAtOnce());
        this.encryption = new ContentEncryption(protection);
        this.protection = protection;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes one uploaded file for a field with these rules.
     *
     * @param declaredType what the browser said the file is; recorded nowhere and never believed
     * @return the {@link StoredAttachment}, or a {@link FileRefusal} naming what is wrong
     * @throws UncheckedIOException if the upload cannot be read or the file cannot be stored
     */
    public Acceptance accept(UUID owner, FileRules rules, String filename, String declaredType, InputStream body) {
        byte[] content = readAtMost(body, rules.maxBytes());
        if (content.length > rules.maxBytes()) {
            return FileRefusal.of("tooLarge", rules.maxBytes() / (1024.0 * 1024.0));
        }
        if (content.length == 0) {
            return FileRefusal.of("empty");
        }
        Optional<FileKind> kind = ContentSniffer.kindOf(content).filter(rules.accept()::contains);
        if (kind.isEmpty()) {
            return FileRefusal.of("notAccepted", rules.kindsForMessage());
        }
        Optional<FileRefusal> unsafe = scan(content);
        if (unsafe.isPresent()) {
            return unsafe.get();
        }
        byte[] kept;
        if (kind.get() == FileKind.PDF) {
            Optional<FileRefusal> problem = PdfInspection.problem(content);
            if (problem.isPresent()) {
                return problem.get();
            }
            kept = content;
        } else {
            Cleaned cleaned = images.clean(content, kind.get());
            if (cleaned.refusal() != null) {
                return cleaned.refusal();
            }
            kept = cleaned.content();
        }
        return store(owner, kind.get(), displayName(filename), kept);
    }

    /** The file, decrypted, if it exists and belongs to this owner. */
    public Optional<OpenedAttachment> open(UUID id, UUID owner) {
        return records.find(id, owner).map(this::read);
    }

    /**
     * Makes the file part of an application (or its draft), so that it is kept. Idempotent for the
     * same application; false if the file is gone or already belongs to another application. The
     * caller must have the id from {@link #accept} for the application's owner; prefer
     * {@link #attach(UUID, UUID, UUID)}, which checks that.
     */
    public boolean attach(UUID id, UUID applicationId) {
        return records.attach(id, applicationId);
    }

    /** As {@link #attach(UUID, UUID)}, only if the file was uploaded by {@code owner}. */
    public boolean attach(UUID id, UUID owner, UUID applicationId) {
        return records.attach(id, owner, applicationId);
    }

    /** The files of an application (or draft), oldest first, without their content. */
    public List<StoredAttachment> attachedTo(UUID applicationId) {
        return records.attachedTo(applicationId).stream().map(row -> new StoredAttachment(row.id(), row.mediaType(), row.size(),
                row.sha256(), protection.open(row.filenameSealed(), FILENAME_CONTEXT))).toList();
    }

    /** Deletes every file of an application or draft (a draft deleted after its period); returns how many. */
    public int deleteAttachedTo(UUID applicationId) {
        List<String> keys = records.deleteAttachedTo(applicationId);
        keys.forEach(this::removeContent);
        return keys.size();
    }

    /** Deletes one of the owner's files (the resident removed it from a form); false if there was none. */
    public boolean delete(UUID id, UUID owner) {
        Optional<String> key = records.delete(id, owner);
        key.ifPresent(this::removeContent);
        return key.isPresent();
    }

    /** Deletes the files no application took that are older than the configured age; returns how many. */
    public int removeUnattached() {
        Instant cutoff = clock.instant().minus(properties.unattachedKeptFor());
        int removed = 0;
        for (var batch = records.unattachedBefore(cutoff, CLEAN_UP_BATCH); !batch.isEmpty();
             batch = records.unattachedBefore(cutoff, CLEAN_UP_BATCH)) {
            int before = removed;
            for (AttachmentRecords.Unattached file : batch) {
                if (records.deleteIfUnattached(file.id())) {
                    removeContent(file.storageKey());
                    removed++;
                }
            }
            if (removed == before) {
                break; // every one was taken meanwhile
            }
        }
        if (removed > 0) {
            log.info("Removed {} uploaded files that no application took", removed);
        }
        return removed;
    }

    private Optional<FileRefusal> scan(byte[] content) {
        try {
            Verdict verdict = scanner.scan(content);
            if (!verdict.clean()) {
                log.warn("Refused an uploaded file: the virus scanner found {}", verdict.signature());
                return Optional.of(FileRefusal.of("infected"));
            }
            return Optional.empty();
        } catch (ScannerUnavailableException unavailable) {
            log.warn("Refused an uploaded file, it could not be scanned: {}", unavailable.getMessage());
            return Optional.of(FileRefusal.of("scanUnavailable"));
        }
    }

    private StoredAttachment store(UUID owner, FileKind kind, String filename, byte[] content) {
        UUID id = UUID.randomUUID();
        String storageKey = UUID.randomUUID().toString();
        String sha256 = sha256(content);
        FileKey key = encryption.newKey();
        store.put(storageKey, encryption.encrypt(content, key, id));
        try {
            records.insert(new Row(id, owner, null, protection.seal(filename, FILENAME_CONTEXT), kind.mediaType(), content.length,
                    sha256, storageKey, key.sealed(), clock.instant()));
        } catch (RuntimeException notRecorded) {
            removeContent(storageKey);
            throw notRecorded;
        }
        return new StoredAttachment(id, kind.mediaType(), content.length, sha256, filename);
    }

    private OpenedAttachment read(Row row) {
        byte[] ciphertext = store.get(row.storageKey())
                .orElseThrow(() -> new AttachmentDamagedException("the content of attachment " + row.id() + " is missing"));
        byte[] content;
        try {
            content = encryption.decrypt(ciphertext, row.keySealed(), row.id());
        } catch (GeneralSecurityException e) {
            throw new AttachmentDamagedException("the content of attachment " + row.id() + " does not decrypt");
        }
        if (!sha256(content).equals(row.sha256())) {
            throw new AttachmentDamagedException("the content of attachment " + row.id() + " does not match its SHA-256");
        }
        return new OpenedAttachment(content, row.mediaType(), protection.open(row.filenameSealed(), FILENAME_CONTEXT));
    }

    private void removeContent(String storageKey) {
        try {
            store.delete(storageKey);
        } catch (RuntimeException left) {
            // the row and with it the file's key are gone: what is left on disk cannot be read
            log.warn("Could not delete the stored content {}; it can no longer be decrypted", storageKey, left);
        }
    }

    /** Reads at most {@code maxBytes + 1} bytes: one more than allowed says the upload is too large. */
    private static byte[] readAtMost(InputStream body, long maxBytes) {
        try (body) {
            return body.readNBytes(Math.toIntExact(maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded file", e);
        }
    }

    /** The name without any folder part (some browsers send the whole path), control characters or excess length. */
    static String displayName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.codePointCount(0, name.length()) > LONGEST_FILENAME) {
            name = name.substring(0, name.offsetByCodePoints(0, LONGEST_FILENAME));
        }
        return name.isEmpty() ? "file" : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored file that is missing, does not decrypt or does not match its checksum: never served. */
    public static class AttachmentDamagedException extends RuntimeException {

        AttachmentDamagedException(String message) {
            super(message);
        }
    }
}

package org.machi.procedures.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, from its first bytes (Tika's magic numbers) alone: no file name is given to the
 * detector, so neither the extension nor the browser's declared type can sway it.
 */
final class ContentSniffer {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private ContentSniffer() {
    }

    /** The accepted kind the content is, or empty for anything else (text, archives, other formats). */
    static Optional<FileKind> kindOf(byte[] content) {
        try {
            String detected = TYPES.detect(new ByteArrayInputStream(content), new Metadata()).getBaseType().toString();
            return FileKind.ofMediaType(detected);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not reached: the bytes are in memory
        }
    }
}

package org.machi.procedures.attachments;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a form may accept, each known by what its content is (never by its name). */
public enum FileKind {
    PDF("application/pdf"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    FileKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<FileKind> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
    }
}

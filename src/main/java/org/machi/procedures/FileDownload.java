package org.machi.procedures;

/**
 * A stored file opened for a reader (decrypted and checked against its SHA-256).
 *
 * @param filename  the name the resident gave it, without any folder part
 * @param mediaType {@code application/pdf}, {@code image/jpeg} or {@code image/png}, as sniffed from the content
 * @param content   the bytes; serve them as a download with {@code X-Content-Type-Options: nosniff}
 */
public record FileDownload(String filename, String mediaType, byte[] content) {

    @Override
    public String toString() {
        return "FileDownload[" + mediaType + ", " + content.length + " bytes]";
    }
}

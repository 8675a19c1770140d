package org.machi.procedures.attachments;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PDF bomb is a small file whose compressed streams expand to gigabytes: PDFBox decodes an object
 * or cross-reference stream whole, in memory, as soon as it is read. Before PDFBox sees the file,
 * every stream in it is inflated here into a small buffer that is thrown away, counting the bytes:
 * a file that expands beyond the limits is refused unread. LZW (which cannot be measured this way
 * and no modern writer uses) and filters given by reference are refused too.
 */
final class PdfDecompressionLimit {

    static final long PER_STREAM = 48L * 1024 * 1024;
    static final long IN_ALL = 256L * 1024 * 1024;

    private static final Pattern STREAM = Pattern.compile("(?<!end)stream(\r\n|\n|\r)");
    private static final Pattern NAME_ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");
    private static final Pattern FILTER_BY_REFERENCE = Pattern.compile("/(Filter|DecodeParms)\\s*\\d+\\s+\\d+\\s+R");
    private static final int DICTIONARY_LOOKBACK = 16 * 1024;

    private PdfDecompressionLimit() {
    }

    /** Whether the file's streams would expand beyond the limits (or cannot be measured). */
    static boolean exceeded(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher stream = STREAM.matcher(text);
        long total = 0;
        while (stream.find()) {
            String dictionary = normalised(text.substring(Math.max(0, stream.start() - DICTIONARY_LOOKBACK), stream.start()));
            int object = dictionary.lastIndexOf(" obj");
            String own = object < 0 ? dictionary : dictionary.substring(object);
            if (own.contains("/LZWDecode") || own.contains("/LZW") || FILTER_BY_REFERENCE.matcher(own).find()) {
                return true;
            }
            long expanded = inflatedSize(pdf, stream.end());
            total += expanded;
            if (expanded > PER_STREAM || total > IN_ALL) {
                return true;
            }
        }
        return false;
    }

    private static String normalised(String dictionary) {
        return NAME_ESCAPE.matcher(dictionary).replaceAll(hex -> Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(hex.group(1), 16))));
    }

    /** What the deflate data at {@code start} expands to (zlib-wrapped or raw), counted up to just past the per-stream limit. */
    private static long inflatedSize(byte[] pdf, int start) {
        return Math.max(inflate(pdf, start, false), inflate(pdf, start, true));
    }

    private static long inflate(byte[] pdf, int start, boolean raw) {
        Inflater inflater = new Inflater(raw);
        long count = 0;
        try {
            inflater.setInput(pdf, start, pdf.length - start);
            byte[] sink = new byte[64 * 1024];
            while (!inflater.finished() && count <= PER_STREAM) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                count += n;
            }
            return count;
        } catch (DataFormatException endOfDeflate) {
            // not compressed this way (a JPEG image, plain text), or damaged after what was counted, as a decoder would stop
            return count;
        } finally {
            inflater.end();
        }
    }
}

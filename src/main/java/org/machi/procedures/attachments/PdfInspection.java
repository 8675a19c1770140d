package org.machi.procedures.attachments;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Refuses a PDF that staff could not open safely or at all: one whose streams expand too far
 * ({@link PdfDecompressionLimit}), one that does not parse, one that is encrypted, and one that carries JavaScript, embedded or attached files, a launch action or rich
 * media. Every object of the file is looked at (not only the catalog), since an action can hang
 * on any page, annotation or form field.
 */
final class PdfInspection {

    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES,
            COSName.EF, COSName.getPDFName("RichMedia"));
    private static final Set<COSName> ACTIVE_VALUES = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"),
            COSName.EMBEDDED_FILE, COSName.getPDFName("RichMedia"));

    private static final int MAX_DEPTH = 64;

    private PdfInspection() {
    }

    /** Empty if the PDF may be kept, otherwise why not. */
    static Optional<FileRefusal> problem(byte[] content) {
        if (PdfDecompressionLimit.exceeded(content)) {
            return Optional.of(FileRefusal.of("pdfTooComplex"));
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                return Optional.of(FileRefusal.of("pdfEncrypted"));
            }
            return active(document.getDocument()) ? Optional.of(FileRefusal.of("pdfActive")) : Optional.empty();
        } catch (InvalidPasswordException encrypted) {
            return Optional.of(FileRefusal.of("pdfEncrypted"));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.of(FileRefusal.of("unreadable"));
        }
    }

    private static boolean active(COSDocument document) throws IOException {
        for (Map.Entry<COSObjectKey, Long> entry : document.getXrefTable().entrySet()) {
            var object = document.getObjectFromPool(entry.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (active(base, 0)) {
                return true;
            }
        }
        return active(document.getTrailer(), 0);
    }

    /** This dictionary or any dictionary written inside it (an action in a page's /AA, say); references are visited on their own. */
    private static boolean active(COSBase base, int depth) {
        if (depth > MAX_DEPTH) {
            return true; // nesting no real document needs: not worth the risk
        }
        if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (active(array.get(i), depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (!(base instanceof COSDictionary dictionary)) {
            return false;
        }
        for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
            if (ACTIVE_KEYS.contains(entry.getKey())) {
                return true;
            }
            if ((entry.getKey().equals(COSName.S) || entry.getKey().equals(COSName.TYPE)) && ACTIVE_VALUES.contains(entry.getValue())) {
                return true;
            }
            if (active(entry.getValue(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}

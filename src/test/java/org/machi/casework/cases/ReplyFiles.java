package org.machi.casework.cases;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.machi.procedures.Applications;
import org.machi.procedures.FileIntake;

/** Reply files as a resident sends them: a one-page PDF through the procedures module's intake. */
final class ReplyFiles {

    private ReplyFiles() {
    }

    static UUID sentBy(Applications applications, UUID resident) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            FileIntake intake = applications.acceptReplyFile(resident, "tsucho.pdf", "application/pdf", new ByteArrayInputStream(out.toByteArray()));
            return ((FileIntake.Accepted) intake).fileId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.machi.procedures.attachments.TestFiles.contains;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.machi.procedures.attachments.Attachments.AttachmentDamagedException;
import org.machi.shared.DataProtection;
import org.machi.shared.SharedProperties;
import org.machi.testing.BoundSettings;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploads as the application form takes them: known by content, cleaned, refused with a reason, stored encrypted, owner only. */
@MachiWebTest
class AttachmentsTests {

    private static final FileRules ANY = new FileRules(EnumSet.allOf(FileKind.class), 5 * 1024 * 1024);
    private static final FileRules PNG_ONLY = new FileRules(Set.of(FileKind.PNG), 5 * 1024 * 1024);
    private static final FileRules PDF_ONLY = new FileRules(Set.of(FileKind.PDF), 5 * 1024 * 1024);

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DataProtection protection;

    @Autowired
    SharedProperties shared;

    private final UUID resident = UUID.randomUUID();

    @Test
    void aJpegLosesItsGpsLocationAndKeepsItsPicture() throws IOException {
        byte[] photo = TestFiles.jpegWithGpsExif(TestFiles.picture(320, 240));
        assertThat(contains(photo, "Exif")).isTrue();
        assertThat(contains(photo, "WGS-84")).as("the fixture really carries a GPS directory").isTrue();

        StoredAttachment stored = stored(attachments.accept(resident, ANY, "IMG_0001.JPG", "image/jpeg", new ByteArrayInputStream(photo)));

        byte[] kept = attachments.open(stored.id(), resident).orElseThrow().content();
        assertThat(stored.mediaType()).isEqualTo("image/jpeg");
        assertThat(contains(kept, "Exif")).isFalse();
        assertThat(contains(kept, "WGS-84")).isFalse();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(240);
    }

    @Test
    void aPhoneJpegIsTurnedUprightBeforeItsExifIsRemoved() throws IOException {
        BufferedImage sensor = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        var g = sensor.createGraphics();
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(0, 0, 80, 40);
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 20, 20); // the sensor's top-left corner
        g.dispose();
        byte[] photo = TestFiles.jpegWithOrientation(sensor, 6); // "turn 90 degrees clockwise to show"

        StoredAttachment stored = stored(attachments.accept(resident, ANY, "IMG_0002.JPG", "image/jpeg", new ByteArrayInputStream(photo)));

        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(attachments.open(stored.id(), resident).orElseThrow().content()));
        assertThat(shown.getWidth()).isEqualTo(40);
        assertThat(shown.getHeight()).isEqualTo(80);
        var topRight = new java.awt.Color(shown.getRGB(30, 8));
        assertThat(topRight.getRed()).as("the corner turned to the top right").isGreaterThan(200);
        assertThat(topRight.getBlue()).isLessThan(60);
    }

    @Test
    void aPngLosesItsTextChunks() {
        byte[] png = TestFiles.pngWithText(TestFiles.picture(64, 48), "Location", "35.4433N 139.3624E Atsugi");
        assertThat(contains(png, "tEXt")).isTrue();

        StoredAttachment stored = stored(attachments.accept(resident, PNG_ONLY, "map.png", "image/png", new ByteArrayInputStream(png)));

        byte[] kept = attachments.open(stored.id(), resident).orElseThrow().content();
        assertThat(contains(kept, "tEXt")).isFalse();
        assertThat(contains(kept, "Atsugi")).isFalse();
        assertThat(stored.size()).isEqualTo(kept.length);
        assertThat(stored.sha256()).isEqualTo(Attachments.sha256(kept));
    }

    @Test
    void aPdfNamedPngIsRefusedWhereOnlyPngIsAccepted() {
        Acceptance result = attachments.accept(resident, PNG_ONLY, "photo.png", "image/png",
                new ByteArrayInputStream(TestFiles.pdf("a pdf in disguise")));

        assertThat(result).isEqualTo(new FileRefusal("form.file.notAccepted", java.util.List.of("PNG")));
    }

    @Test
    void aTextFileNamedPdfIsRefusedNamingTheKindsAccepted() {
        byte[] text = "This is not a PDF, whatever its name says.\n".getBytes(StandardCharsets.UTF_8);

        Acceptance result = attachments.accept(resident, ANY, "certificate.pdf", "application/pdf", new ByteArrayInputStream(text));

        assertThat(result).isEqualTo(new FileRefusal("form.file.notAccepted", java.util.List.of("PDF / JPEG / PNG")));
    }

    @Test
    void anArchiveIsNotAKindThatIsAccepted() throws IOException {
        var zipped = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("scan.pdf"));
            zip.write(TestFiles.pdf("inside a zip"));
        }

        Acceptance result = attachments.accept(resident, ANY, "scan.pdf", "application/pdf", new ByteArrayInputStream(zipped.toByteArray()));

        assertThat(result).isInstanceOf(FileRefusal.class).extracting("messageKey").isEqualTo("form.file.notAccepted");
    }

    @Test
    void anOversizedUploadIsRefusedAfterReadingOneByteMoreThanAllowed() {
        var endless = new EndlessStream();
        FileRules small = new FileRules(Set.of(FileKind.PDF), 1024 * 1024);

        Acceptance result = attachments.accept(resident, small, "huge.pdf", "application/pdf", endless);

        assertThat(result).isEqualTo(new FileRefusal("form.file.tooLarge", java.util.List.of(1.0)));
        assertThat(endless.read).isEqualTo(1024 * 1024 + 1);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(attachments.accept(resident, ANY, "empty.pdf", "application/pdf", new ByteArrayInputStream(new byte[0])))
                .isEqualTo(new FileRefusal("form.file.empty", java.util.List.of()));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] bomb = TestFiles.pngHeader(20_000, 20_000);
        assertThat(bomb.length).as("a few bytes claiming 400 megapixels").isLessThan(100);

        Acceptance result = attachments.accept(resident, ANY, "bomb.png", "image/png", new ByteArrayInputStream(bomb));

        assertThat(result).isEqualTo(new FileRefusal("form.file.imageTooLarge", java.util.List.of(10_000, 40.0)));
    }

    @Test
    void aBrokenImageIsRefusedAsUnreadable() {
        byte[] png = TestFiles.encode(TestFiles.picture(64, 64), "png");
        byte[] truncated = java.util.Arrays.copyOf(png, 60);

        assertThat(attachments.accept(resident, ANY, "cut.png", "image/png", new ByteArrayInputStream(truncated)))
                .extracting("messageKey").isEqualTo("form.file.unreadable");
    }

    @Test
    void encryptedAndActivePdfsAreRefused() {
        assertThat(attachments.accept(resident, PDF_ONLY, "locked.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.encryptedPdf())))
                .extracting("messageKey").isEqualTo("form.file.pdfEncrypted");
        assertThat(attachments.accept(resident, PDF_ONLY, "script.pdf", "application/pdf",
                new ByteArrayInputStream(TestFiles.pdfWithJavaScript())))
                .extracting("messageKey").isEqualTo("form.file.pdfActive");
    }

    @Test
    void aPdfBombIsRefusedBeforePdfBoxDecodesIt() {
        byte[] bomb = TestFiles.pdfBomb(100);
        assertThat(bomb.length).as("a small file expanding to 100 MB").isLessThan(200_000);

        assertThat(attachments.accept(resident, PDF_ONLY, "bomb.pdf", "application/pdf", new ByteArrayInputStream(bomb)))
                .extracting("messageKey").isEqualTo("form.file.pdfTooComplex");
        assertThat(attachments.accept(resident, PDF_ONLY, "small.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdfBomb(1))))
                .as("the same structure, expanding to 1 MB, is an ordinary PDF").isInstanceOf(StoredAttachment.class);
    }

    @Test
    void theContentIsEncryptedOnDiskAndOpensForItsOwnerOnly() throws IOException {
        String marker = "Juminhyo-" + UUID.randomUUID();
        byte[] pdf = TestFiles.pdf(marker);

        StoredAttachment stored = stored(attachments.accept(resident, PDF_ONLY, "C:\\Users\\me\\住民票.pdf", "application/pdf",
                new ByteArrayInputStream(pdf)));

        assertThat(stored.filename()).as("without the folder the browser sent").isEqualTo("住民票.pdf");
        byte[] onDisk = Files.readAllBytes(storedFile(stored.id()));
        assertThat(contains(onDisk, marker)).isFalse();
        assertThat(contains(onDisk, "%PDF")).isFalse();
        String sealedName = jdbc.sql("SELECT filename_sealed FROM procedures.attachment WHERE id = :id").param("id", stored.id())
                .query(String.class).single();
        assertThat(sealedName).doesNotContain("住民票");

        OpenedAttachment opened = attachments.open(stored.id(), resident).orElseThrow();
        assertThat(opened.content()).isEqualTo(pdf);
        assertThat(opened.mediaType()).isEqualTo("application/pdf");
        assertThat(opened.filename()).isEqualTo("住民票.pdf");
        assertThat(attachments.open(stored.id(), UUID.randomUUID())).as("another account").isEmpty();
    }

    @Test
    void aChecksumThatDoesNotMatchIsNeverServed() {
        StoredAttachment stored = stored(attachments.accept(resident, PDF_ONLY, "a.pdf", "application/pdf",
                new ByteArrayInputStream(TestFiles.pdf("checked"))));
        jdbc.sql("UPDATE procedures.attachment SET sha256 = :other WHERE id = :id")
                .param("other", Attachments.sha256(new byte[] {1})).param("id", stored.id()).update();

        assertThatThrownBy(() -> attachments.open(stored.id(), resident)).isInstanceOf(AttachmentDamagedException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void aFileChangedOnDiskDoesNotOpen() throws IOException {
        StoredAttachment stored = stored(attachments.accept(resident, PDF_ONLY, "a.pdf", "application/pdf",
                new ByteArrayInputStream(TestFiles.pdf("tampered"))));
        Path file = storedFile(stored.id());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> attachments.open(stored.id(), resident)).isInstanceOf(AttachmentDamagedException.class);
    }

    @Test
    void filesNoApplicationTookAreRemovedAfterADayAndTheOthersKept() {
        StoredAttachment old = storedPdf();
        StoredAttachment taken = storedPdf();
        UUID application = UUID.randomUUID();
        assertThat(attachments.attach(taken.id(), UUID.randomUUID(), application)).as("not the owner's").isFalse();
        assertThat(attachments.attach(taken.id(), resident, application)).isTrue();
        assertThat(attachments.attach(taken.id(), resident, application)).as("again: the same").isTrue();
        assertThat(attachments.attach(taken.id(), resident, UUID.randomUUID())).as("another application's").isFalse();
        Path oldFile = storedFile(old.id());
        clock.advance(Duration.ofHours(25));
        StoredAttachment fresh = storedPdf();

        assertThat(attachments.removeUnattached()).isGreaterThanOrEqualTo(1);

        assertThat(attachments.open(old.id(), resident)).isEmpty();
        assertThat(oldFile).doesNotExist();
        assertThat(attachments.open(taken.id(), resident)).isPresent();
        assertThat(attachments.open(fresh.id(), resident)).isPresent();
    }

    @Test
    void anApplicationListsItsFilesAndTakesThemAlongWhenDeleted() {
        UUID draft = UUID.randomUUID();
        StoredAttachment first = storedPdf();
        StoredAttachment second = storedPdf();
        StoredAttachment elsewhere = storedPdf();
        attachments.attach(first.id(), resident, draft);
        attachments.attach(second.id(), resident, draft);
        attachments.attach(elsewhere.id(), resident, UUID.randomUUID());
        Path firstFile = storedFile(first.id());

        assertThat(attachments.attachedTo(draft)).extracting(StoredAttachment::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(attachments.attachedTo(draft)).extracting(StoredAttachment::filename).containsOnly("a.pdf");

        assertThat(attachments.deleteAttachedTo(draft)).isEqualTo(2);
        assertThat(attachments.attachedTo(draft)).isEmpty();
        assertThat(firstFile).doesNotExist();
        assertThat(attachments.open(elsewhere.id(), resident)).isPresent();
    }

    @Test
    void theOwnerDeletesAFileWithItsContent() {
        StoredAttachment stored = storedPdf();
        Path file = storedFile(stored.id());

        assertThat(attachments.delete(stored.id(), UUID.randomUUID())).isFalse();
        assertThat(attachments.delete(stored.id(), resident)).isTrue();

        assertThat(file).doesNotExist();
        assertThat(attachments.open(stored.id(), resident)).isEmpty();
    }

    @Test
    void anInfectedFileIsRefusedAndAScannerThatDoesNotAnswerRefusesToo() {
        AttachmentRecords records = new AttachmentRecords(jdbc);
        FileStore store = new DirectoryFileStore(shared.dataDir().resolve("files"));
        AttachmentsProperties settings = BoundSettings.of(AttachmentsProperties.class);
        VirusScanner finds = content -> contains(content, "EICAR") ? VirusScanner.Verdict.infected("Eicar-Test-Signature")
                : VirusScanner.Verdict.CLEAN;
        Attachments scanned = new Attachments(records, store, finds, protection, clock, settings);
        byte[] infected = TestFiles.concat(TestFiles.pdf("x"), TestFiles.EICAR.getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned.accept(resident, PDF_ONLY, "a.pdf", "application/pdf", new ByteArrayInputStream(infected)))
                .extracting("messageKey").isEqualTo("form.file.infected");
        assertThat(scanned.accept(resident, PDF_ONLY, "a.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf("clean"))))
                .isInstanceOf(StoredAttachment.class);

        VirusScanner silent = content -> {
            throw new VirusScanner.ScannerUnavailableException("no answer", null);
        };
        Attachments unscanned = new Attachments(records, store, silent, protection, clock, settings);
        assertThat(unscanned.accept(resident, PDF_ONLY, "a.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf("clean"))))
                .extracting("messageKey").isEqualTo("form.file.scanUnavailable");
    }

    private StoredAttachment storedPdf() {
        return stored(attachments.accept(resident, PDF_ONLY, "a.pdf", "application/pdf", new ByteArrayInputStream(TestFiles.pdf("p"))));
    }

    private Path storedFile(UUID id) {
        String key = jdbc.sql("SELECT storage_key FROM procedures.attachment WHERE id = :id").param("id", id).query(String.class).single();
        return shared.dataDir().resolve("files").resolve(key.substring(0, 2)).resolve(key);
    }

    private static StoredAttachment stored(Acceptance result) {
        assertThat(result).isInstanceOf(StoredAttachment.class);
        return (StoredAttachment) result;
    }

    /** An upload that never ends, counting what was read from it. */
    private static final class EndlessStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            read += length;
            return length;
        }
    }
}

package org.machi.procedures.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Files made in code for the attachment tests: real images and PDFs, some with what must be removed or refused. */
final class TestFiles {

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private TestFiles() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG as a phone writes it: an EXIF APP1 segment right after the start of image, with a GPS
     * directory holding the latitude reference and the map datum (ASCII values that a search finds).
     */
    static byte[] jpegWithGpsExif(BufferedImage image) {
        byte[] jpeg = encode(image, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) pointing at the GPS directory at 26
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: GPSLatitudeRef "N" (inline) and GPSMapDatum "WGS-84" (at 56)
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x12).putShort((short) 2).putInt(7).putInt(56);
        tiff.putInt(0);
        tiff.position(56);
        tiff.put("WGS-84\0".getBytes(StandardCharsets.US_ASCII));
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        return concat(new byte[] {jpeg[0], jpeg[1]}, app1.array(), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** A JPEG whose EXIF (little-endian, as most phones write it) says how to turn it for display. */
    static byte[] jpegWithOrientation(BufferedImage image, int orientation) {
        byte[] jpeg = encode(image, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(26).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        return concat(new byte[] {jpeg[0], jpeg[1]}, app1.array(), java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** A PNG with a tEXt chunk after its header, as photo tools write a comment or a place. */
    static byte[] pngWithText(BufferedImage image, String keyword, String text) {
        byte[] png = encode(image, "png");
        byte[] chunk = chunk("tEXt", (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
        return concat(java.util.Arrays.copyOfRange(png, 0, afterHeader), chunk, java.util.Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /** A well-formed PNG header (signature and IHDR, correct CRC) claiming this size, with a token image chunk after it. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, chunk("IHDR", ihdr.array()),
                chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}), chunk("IEND", new byte[0]));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** A one-page PDF whose title (kept as plain text in the file) is the given marker. */
    static byte[] pdf(String title) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(title);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encryptedPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdfWithJavaScript() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF whose one object lives in a Flate-compressed object stream that expands to {@code megabytes}
     * of spaces (a PDF bomb: PDFBox would decode it whole in memory to read the object).
     */
    static byte[] pdfBomb(int megabytes) {
        byte[] header = "5 0 ".getBytes(StandardCharsets.US_ASCII);
        var deflater = new java.util.zip.Deflater(9);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(concat(header, "<</Marker (x)>>".getBytes(StandardCharsets.US_ASCII)));
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (int i = 0; i <= megabytes; i++) {
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            if (i < megabytes) {
                deflater.setInput(spaces);
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] stream = compressed.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII));
        int[] offsets = new int[5];
        offsets[1] = pdf.size();
        pdf.writeBytes("1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        offsets[2] = pdf.size();
        pdf.writeBytes("2 0 obj\n<</Type/Pages/Kids[]/Count 0>>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        offsets[3] = pdf.size();
        pdf.writeBytes(("3 0 obj\n<</Type/ObjStm/N 1/First " + header.length + "/Filter/FlateDecode/Length " + stream.length
                + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(stream);
        pdf.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        offsets[4] = pdf.size();
        ByteBuffer xref = ByteBuffer.allocate(6 * 7);
        xref.put((byte) 0).putInt(0).putShort((short) -1);
        for (int n = 1; n <= 4; n++) {
            xref.put((byte) 1).putInt(offsets[n]).putShort((short) 0);
        }
        xref.put((byte) 2).putInt(3).putShort((short) 0);
        pdf.writeBytes(("4 0 obj\n<</Type/XRef/Size 6/W[1 4 2]/Root 1 0 R/Length 42>>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(xref.array());
        pdf.writeBytes(("\nendstream\nendobj\nstartxref\n" + offsets[4] + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}

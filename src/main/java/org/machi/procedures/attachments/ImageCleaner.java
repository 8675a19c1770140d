package org.machi.procedures.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes a JPEG or PNG and encodes its pixels again, so that nothing but the picture is kept: EXIF
 * (camera, GPS location), XMP, comments and text chunks are gone (a JPEG is turned upright first,
 * as its EXIF orientation said). The size is read from the header
 * first and an image too large to decode safely (a decompression bomb) is refused before any pixel
 * is decoded. Streams are cached in memory, never in temporary files: the picture is personal data.
 */
class ImageCleaner {

    private static final float JPEG_QUALITY = 0.9f;

    private final long maxPixels;
    private final int maxSide;
    private final Semaphore decodes;

    ImageCleaner(long maxPixels, int maxSide, int decodesAtOnce) {
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
        this.decodes = new Semaphore(decodesAtOnce, true);
    }

    /** The content with its metadata removed, or why it is refused. */
    Cleaned clean(byte[] content, FileKind kind) {
        String format = kind == FileKind.PNG ? "png" : "jpeg";
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width > maxSide || height > maxSide || width * height > maxPixels) {
                return Cleaned.refused(FileRefusal.of("imageTooLarge", maxSide, maxPixels / 1_000_000.0));
            }
            BufferedImage image = decode(reader);
            if (kind == FileKind.JPEG) {
                image = ExifOrientation.apply(image, ExifOrientation.of(content));
            }
            return Cleaned.to(encode(image, format));
        } catch (IOException | RuntimeException unreadable) {
            // a truncated or corrupt image, or one ImageIO cannot decode (e.g. a CMYK JPEG)
            return Cleaned.refused(FileRefusal.of("unreadable"));
        } finally {
            reader.dispose();
        }
    }

    private BufferedImage decode(ImageReader reader) throws IOException {
        decodes.acquireUninterruptibly();
        try {
            return reader.read(0);
        } finally {
            decodes.release();
        }
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Either the cleaned bytes or a refusal. */
    record Cleaned(byte[] content, FileRefusal refusal) {

        static Cleaned to(byte[] content) {
            return new Cleaned(content, null);
        }

        static Cleaned refused(FileRefusal refusal) {
            return new Cleaned(null, refusal);
        }
    }
}

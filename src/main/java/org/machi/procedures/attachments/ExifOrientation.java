package org.machi.procedures.attachments;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Phones store a photo as the sensor saw it and say in EXIF how to turn it (the orientation tag).
 * Since the EXIF is removed, the turn is applied to the pixels first, so that a document
 * photographed upright still shows upright.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) in a JPEG's EXIF, 1 (as stored) if there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
                if (marker == 0xDA || length < 2) {
                    return 1; // image data begins: no EXIF before it
                }
                if (marker == 0xE1 && length > 8 && isExif(jpeg, at + 4)) {
                    return orientation(ByteBuffer.wrap(jpeg, at + 10, length - 8).slice());
                }
                at += 2 + length;
            }
        } catch (RuntimeException unreadable) {
            // a damaged EXIF is ignored like a missing one: it is removed anyway
        }
        return 1;
    }

    private static boolean isExif(byte[] bytes, int at) {
        return bytes[at] == 'E' && bytes[at + 1] == 'x' && bytes[at + 2] == 'i' && bytes[at + 3] == 'f' && bytes[at + 4] == 0
                && bytes[at + 5] == 0;
    }

    private static int orientation(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if ((tiff.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned (and mirrored) as the orientation says. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = new AffineTransform();
        switch (orientation) {
            case 2 -> { turn.translate(w, 0); turn.scale(-1, 1); }
            case 3 -> { turn.translate(w, h); turn.rotate(Math.PI); }
            case 4 -> { turn.translate(0, h); turn.scale(1, -1); }
            case 5 -> { turn.rotate(Math.PI / 2); turn.scale(1, -1); }
            case 6 -> { turn.translate(h, 0); turn.rotate(Math.PI / 2); }
            case 7 -> { turn.scale(-1, 1); turn.translate(-h, 0); turn.translate(0, w); turn.rotate(3 * Math.PI / 2); }
            default -> { turn.translate(0, w); turn.rotate(3 * Math.PI / 2); } // 8
        }
        boolean sideways = orientation >= 5;
        BufferedImage turned = new BufferedImage(sideways ? h : w, sideways ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}

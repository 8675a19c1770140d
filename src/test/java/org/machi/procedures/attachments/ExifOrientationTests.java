package org.machi.procedures.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each EXIF orientation turns the sensor's top-left pixel to where the viewer expects it. */
class ExifOrientationTests {

    @ParameterizedTest
    @CsvSource({"1,0,0,6,4", "2,5,0,6,4", "3,5,3,6,4", "4,0,3,6,4", "5,0,0,4,6", "6,3,0,4,6", "7,3,5,4,6", "8,0,5,4,6"})
    void theTopLeftPixelLandsWhereTheOrientationSays(int orientation, int x, int y, int width, int height) {
        BufferedImage sensor = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        sensor.setRGB(0, 0, 0xFF0000);

        BufferedImage shown = ExifOrientation.apply(sensor, orientation);

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(height);
        assertThat(shown.getRGB(x, y) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @ParameterizedTest
    @CsvSource({"1", "3", "6", "8"})
    void theOrientationIsReadFromTheExif(int orientation) {
        byte[] jpeg = TestFiles.jpegWithOrientation(TestFiles.picture(8, 8), orientation);

        assertThat(ExifOrientation.of(jpeg)).isEqualTo(orientation);
        assertThat(ExifOrientation.of(TestFiles.encode(TestFiles.picture(8, 8), "jpeg"))).as("no EXIF").isEqualTo(1);
    }
}

package org.machi.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the documents' fonts draw: every script a resident of the nine languages types. */
class PdfFontsTests {

    @Test
    void everyHangulSyllableVietnameseLetterJisKanjiAndGb2312HanziHasAGlyph() {
        PdfFonts fonts = PdfFonts.shared();
        assertThat(IntStream.rangeClosed(0xAC00, 0xD7A3).filter(cp -> fonts.drawable(cp) != cp).boxed().toList()).isEmpty();
        String vietnamese = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
        assertThat((vietnamese + vietnamese.toUpperCase(Locale.ROOT)).codePoints().filter(cp -> fonts.drawable(cp) != cp)
                .mapToObj(Character::toString).toList()).isEmpty();
        assertThat(unencodable(fonts, Charset.forName("Shift_JIS"))).isEmpty();
        assertThat(unencodable(fonts, Charset.forName("GB2312"))).isEmpty();
    }

    /** The letters and ideographs a character set has that no document can draw. */
    private static List<String> unencodable(PdfFonts fonts, Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return IntStream.rangeClosed(0x20, 0xFFFF)
                .filter(cp -> !Character.isSurrogate((char) cp) && Character.isLetter(cp) && encoder.canEncode((char) cp))
                .filter(cp -> fonts.drawable(cp) != cp)
                .mapToObj(cp -> charset + " U+" + Integer.toHexString(cp)).toList();
    }

    @Test
    void aVietnameseWordNeedingTheFallbackIsDrawnWhollyInIt() {
        List<PdfFonts.Run> runs = PdfFonts.shared().runs("厚木 Việt");
        assertThat(runs).extracting(PdfFonts.Run::text).containsExactly("厚木 ", "Việt");
        assertThat(runs).extracting(PdfFonts.Run::font).containsExactly(PdfFonts.JAPANESE, PdfFonts.FALLBACK);
    }

    @Test
    void aControlCharacterIsNeverDrawable() {
        assertThat(PdfFonts.shared().drawable(0x07)).isEqualTo(PdfFonts.REPLACEMENT);
        assertThat(PdfFonts.shared().drawable('厚')).isEqualTo('厚');
    }
}

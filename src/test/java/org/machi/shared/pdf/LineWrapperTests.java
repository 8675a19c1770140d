package org.machi.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrapping with every character one unit wide, so that the expected lines can be read off. */
class LineWrapperTests {

    private final LineWrapper wrapper = new LineWrapper(text -> text.codePointCount(0, text.length()));

    @Test
    void japaneseBreaksBetweenAnyTwoCharacters() {
        assertThat(wrapper.wrap("厚木市中町三丁目一番", 4)).containsExactly("厚木市中", "町三丁目", "一番");
    }

    @Test
    void closingPunctuationAndSmallKanaDoNotStartALine() {
        // 「。」 would start the second line: it stays with the character before it
        assertThat(wrapper.wrap("粗大ごみです。", 6)).containsExactly("粗大ごみで", "す。");
        assertThat(wrapper.wrap("ちょっと", 1)).containsExactly("ち", "ょ", "っ", "と"); // a line too narrow still cuts
        assertThat(wrapper.wrap("（厚木）", 3)).containsExactly("（厚", "木）");
    }

    @Test
    void latinAndHangulBreakAtSpaces() {
        assertThat(wrapper.wrap("Rua das Flores 123", 10)).containsExactly("Rua das", "Flores 123");
        assertThat(wrapper.wrap("아쓰기시 나카초 주소", 8)).containsExactly("아쓰기시 나카초", "주소");
    }

    @Test
    void aWordLongerThanTheLineIsCutRatherThanLost() {
        List<String> lines = wrapper.wrap("aaaaaaaaaaaaaaaaaaaaaaaaa ok", 10);
        assertThat(lines).containsExactly("aaaaaaaaaa", "aaaaaaaaaa", "aaaaa ok");
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaok");
    }

    @Test
    void anEmptyParagraphIsOneEmptyLine() {
        assertThat(wrapper.wrap("", 10)).containsExactly("");
    }
}

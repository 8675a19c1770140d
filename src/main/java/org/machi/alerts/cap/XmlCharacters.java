package org.machi.alerts.cap;

/**
 * What XML 1.0 can carry: every writer of CAP and Atom passes its text through here, so that a
 * control character typed or pasted anywhere (a form, an import, a template) cannot make a
 * document malformed for every reader of the feed.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /** The text without the characters XML 1.0 does not allow (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
    public static String legal(String text) {
        if (text == null || text.codePoints().allMatch(XmlCharacters::allowed)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlCharacters::allowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

package org.machi.alerts.domain;

import org.machi.alerts.cap.XmlCharacters;

/**
 * An alert in one language: what happened, and what to do. The instruction may be empty. Control
 * characters are dropped on the way in, whichever form or template the text came from: CAP and
 * Atom cannot carry them, and PostgreSQL refuses a NUL.
 */
public record AlertText(String headline, String description, String instruction) {

    static final int HEADLINE_LIMIT = 140;
    static final int TEXT_LIMIT = 4000;

    public AlertText {
        headline = XmlCharacters.legal(headline);
        description = XmlCharacters.legal(description);
        instruction = XmlCharacters.legal(instruction);
    }

    /** The same words, whatever spaces surround each part (an empty instruction is the same as none). */
    public boolean sameWords(AlertText other) {
        return other != null && strip(headline).equals(strip(other.headline)) && strip(description).equals(strip(other.description))
                && strip(instruction).equals(strip(other.instruction));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}

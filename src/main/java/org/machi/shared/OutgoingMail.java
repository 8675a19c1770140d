package org.machi.shared;

import java.util.Map;

/**
 * The one way every module sends mail: over SMTP when {@code spring.mail.host} is configured,
 * otherwise (the embedded default) as {@code .eml} files under {@code <data-dir>/mail}. Call it
 * from background work (an event listener), never while a person waits for a page.
 */
public interface OutgoingMail {

    void send(Mail mail);

    /**
     * A plain-text message.
     *
     * @param to      one address
     * @param subject the subject line
     * @param text    the body
     * @param headers extra headers, e.g. {@code List-Unsubscribe}
     */
    record Mail(String to, String subject, String text, Map<String, String> headers) {

        public Mail(String to, String subject, String text) {
            this(to, subject, text, Map.of());
        }
    }
}

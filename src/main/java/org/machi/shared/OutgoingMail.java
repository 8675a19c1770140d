package org.machi.shared;

import java.util.List;
import java.util.Map;

/**
 * The one way every module sends mail: over SMTP when {@code spring.mail.host} is configured,
 * otherwise (the embedded default) as {@code .eml} files under {@code <data-dir>/mail}. Call it
 * from background work (an event listener), never while a person waits for a page.
 */
public interface OutgoingMail {

    void send(Mail mail);

    /**
     * Many messages over one connection, for mass mailing. A message the server refuses does not
     * stop the others: each gets its own outcome, in the order given.
     */
    List<Outcome> sendAll(List<Mail> mails);

    /**
     * A plain-text message.
     *
     * @param to        one address
     * @param subject   the subject line
     * @param text      the body
     * @param headers   extra headers, e.g. {@code List-Unsubscribe}
     * @param messageId a stable Message-ID (with angle brackets) so that a message sent twice is
     *                  recognisably the same; null for a new one
     */
    record Mail(String to, String subject, String text, Map<String, String> headers, String messageId) {

        public Mail(String to, String subject, String text, Map<String, String> headers) {
            this(to, subject, text, headers, null);
        }

        public Mail(String to, String subject, String text) {
            this(to, subject, text, Map.of(), null);
        }
    }

    /** What became of one message: handed over, refused for good (e.g. unknown mailbox), or to try again. */
    record Outcome(Result result, String reason) {

        public enum Result { SENT, REFUSED, RETRY }

        public static final Outcome SENT = new Outcome(Result.SENT, null);
    }
}

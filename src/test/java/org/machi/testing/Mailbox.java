package org.machi.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads what reached the test SMTP server, waiting (without sleeping) for mail still on its way. */
public final class Mailbox {

    private final GreenMail server;

    public Mailbox(GreenMail server) {
        this.server = server;
    }

    /** The first message to the address, waiting up to about ten seconds for it. */
    public MimeMessage to(String address) {
        return to(address, message -> true);
    }

    /** The first message to the address that also matches, waiting up to ten seconds for it. */
    public MimeMessage to(String address, Predicate<MimeMessage> which) {
        for (int round = 0; round < 20; round++) {
            MimeMessage[] received = server.getReceivedMessages();
            Optional<MimeMessage> found = Arrays.stream(received).filter(m -> recipient(m).equals(address)).filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            server.waitForIncomingEmail(500, received.length + 1); // returns as soon as one more message arrives
        }
        throw new AssertionError("no mail arrived for " + address);
    }

    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}

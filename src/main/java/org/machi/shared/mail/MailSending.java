package org.machi.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.machi.shared.OutgoingMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

@Service
class MailSending implements OutgoingMail {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JavaMailSender smtp;
    private final Path mailDirectory;
    private final String from;
    private final Clock clock;

    MailSending(ObjectProvider<JavaMailSender> smtp, @Value("${machi.data-dir}") Path dataDir,
                @Value("${machi.mail.from}") String from, Clock clock) {
        this.smtp = smtp.getIfAvailable();
        this.mailDirectory = dataDir.resolve("mail");
        this.from = from;
        this.clock = clock;
    }

    @Override
    public void send(Mail mail) {
        MimeMessage message = build(mail);
        if (smtp != null) {
            smtp.send(message);
        } else {
            writeFile(message);
        }
    }

    @Override
    public List<Outcome> sendAll(List<Mail> mails) {
        List<MimeMessage> messages = mails.stream().map(this::build).toList();
        if (smtp == null) {
            messages.forEach(this::writeFile);
            return messages.stream().map(m -> Outcome.SENT).toList();
        }
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(messages.size(), Outcome.SENT));
        try {
            smtp.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException partly) {
            Map<Object, Exception> failed = partly.getFailedMessages();
            if (failed.isEmpty()) {
                return messages.stream().map(m -> new Outcome(Outcome.Result.RETRY, reason(partly))).toList();
            }
            for (int i = 0; i < messages.size(); i++) {
                Exception failure = failed.get(messages.get(i));
                if (failure != null) {
                    outcomes.set(i, new Outcome(refused(failure) ? Outcome.Result.REFUSED : Outcome.Result.RETRY, reason(failure)));
                }
            }
        } catch (MailException unreachable) {
            return messages.stream().map(m -> new Outcome(Outcome.Result.RETRY, reason(unreachable))).toList();
        }
        return outcomes;
    }

    /** A permanent refusal: the server called the address invalid (SMTP 5xx to RCPT TO). */
    private static boolean refused(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    /** The server's words, shortened; never the address, which is personal data. */
    private static String reason(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private MimeMessage build(Mail mail) {
        Session session = smtp instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        try {
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.setSentDate(java.util.Date.from(clock.instant()));
        } catch (MessagingException e) {
            throw new MailSendException("could not build a message", e);
        }
        return message;
    }

    /** Keeps a given Message-ID instead of the fresh one JavaMail writes when the message is saved. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }

    private void writeFile(MimeMessage message) {
        try {
            Files.createDirectories(mailDirectory);
            String name = FILE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + "-" + UUID.randomUUID() + ".eml";
            try (OutputStream out = Files.newOutputStream(mailDirectory.resolve(name))) {
                message.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a message under " + mailDirectory, e);
        } catch (MessagingException e) {
            throw new MailSendException("could not write a message", e);
        }
    }
}

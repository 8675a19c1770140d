package org.machi.shared.mail;

import java.time.ZoneOffset;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;
import org.machi.shared.OutgoingMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
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
        MimeMessage message = smtp != null ? smtp.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
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
        if (smtp != null) {
            smtp.send(message);
        } else {
            writeFile(message);
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

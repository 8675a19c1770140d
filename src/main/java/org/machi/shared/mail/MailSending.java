package org.machi.shared.mail;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

@Service
class MailSending implements OutgoingMail {

    private static final String CHARSET = "UTF-8";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final JavaMailSender smtp;
    private final Path mailDirectory;
    private final Clock clock;
    private final Session session;
    private final InternetAddress fromAddress;
    private final LoadingCache<String, String> encodedSubjects =
            Caffeine.newBuilder().maximumSize(500).build(MailSending::encodeSubject);

    /**
     * The sender is the one configured ({@code machi.mail.from}); when blank, the city profile's
     * sender (by default the city's name at no-reply@ its website's domain).
     */
    MailSending(ObjectProvider<JavaMailSender> smtp, SharedProperties properties, CityProfile city, Clock clock) {
        this.smtp = smtp.getIfAvailable();
        this.mailDirectory = properties.dataDir().resolve("mail");
        String from = properties.mail().from();
        this.clock = clock;
        this.session = this.smtp instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        try {
            this.fromAddress = from.isBlank() ? named(city.mailSenderAddress(), city.mailSenderName()) : address(from);
        } catch (AddressException e) {
            throw new IllegalArgumentException("machi.mail.from (or the city profile's mail sender) is not one address", e);
        }
    }

    /**
     * Sends one message. A failure is thrown with the server's reason only: the mail library's own
     * exceptions quote the address, which is personal data and would end up in the logs.
     */
    @Override
    public void send(Mail mail) {
        MimeMessage message = build(mail);
        if (smtp == null) {
            writeFile(message);
            return;
        }
        try {
            smtp.send(message);
        } catch (MailException failure) {
            throw new MailSendException("mail not sent: " + reason(failure));
        }
    }

    @Override
    public List<Outcome> sendAll(List<Mail> mails) {
        List<Outcome> outcomes = new ArrayList<>(Collections.nCopies(mails.size(), Outcome.SENT));
        List<MimeMessage> messages = new ArrayList<>(mails.size());
        List<Integer> positions = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            try {
                messages.add(build(mails.get(i)));
                positions.add(i);
            } catch (MailSendException unusable) {
                outcomes.set(i, new Outcome(Outcome.Result.REFUSED, unusable.getMessage()));
            }
        }
        if (smtp == null) {
            messages.forEach(this::writeFile);
            return outcomes;
        }
        try {
            smtp.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException partly) {
            // without failed messages named, the whole send failed and every message waits for a retry
            Map<Object, Exception> failed = partly.getFailedMessages();
            for (int m = 0; m < messages.size(); m++) {
                Exception failure = failed.get(messages.get(m));
                if (failed.isEmpty()) {
                    outcomes.set(positions.get(m), new Outcome(Outcome.Result.RETRY, reason(partly)));
                } else if (failure != null) {
                    outcomes.set(positions.get(m),
                            new Outcome(refused(failure) ? Outcome.Result.REFUSED : Outcome.Result.RETRY, reason(failure)));
                }
            }
        } catch (MailException unreachable) {
            positions.forEach(i -> outcomes.set(i, new Outcome(Outcome.Result.RETRY, reason(unreachable))));
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

    /**
     * The message, set up directly rather than through Spring's MimeMessageHelper: the helper makes a
     * new MIME type map for every message (a scan of the class path), which cost more than the rest
     * of sending. The subject is encoded once per distinct subject, and the text is encoded here and
     * written as it is (JavaMail's MimeUtility looks its stream provider up on the class path at every
     * call, several times per message).
     */
    private MimeMessage build(Mail mail) {
        try {
            String subject = encodedSubjects.get(mail.subject());
            MimeMessage message = new PreparedMessage(session, mail.messageId(), mail.subject(), mail.text());
            message.setFrom(fromAddress);
            message.setRecipient(Message.RecipientType.TO, recipient(mail.to()));
            message.setHeader("Subject", subject);
            for (var header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.setSentDate(java.util.Date.from(clock.instant()));
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("could not build a message", e);
        }
    }

    /** The recipient's address; when it is not usable, an exception that does not quote it. */
    private static InternetAddress recipient(String text) {
        try {
            InternetAddress address = address(text);
            address.validate();
            return address;
        } catch (AddressException unusable) {
            throw new MailSendException("address-unusable");
        }
    }

    /** One address, as MimeMessageHelper takes it: exactly one, its display name in UTF-8. */
    private static InternetAddress address(String text) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(text);
        if (parsed.length != 1) {
            throw new AddressException("not exactly one address");
        }
        InternetAddress raw = parsed[0];
        return raw.getPersonal() == null ? raw : named(raw.getAddress(), raw.getPersonal());
    }

    /** An address with its display name in UTF-8. */
    private static InternetAddress named(String address, String personal) throws AddressException {
        try {
            InternetAddress named = new InternetAddress(address, personal, CHARSET);
            named.validate();
            return named;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
        }
    }

    private static String encodeSubject(String subject) {
        try {
            return MimeUtility.fold(9, MimeUtility.encodeText(subject, CHARSET, null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
        }
    }

    /**
     * A plain-text message in UTF-8 whose body is encoded once, when it is made: 7bit if it is short-lined
     * ASCII, base64 otherwise. It keeps a given Message-ID instead of the fresh one JavaMail writes when
     * the message is saved, and answers the subject it was given without decoding the header again.
     * Read back (getContent), it is an ordinary message.
     */
    static final class PreparedMessage extends MimeMessage {

        private static final byte[] CRLF = {'\r', '\n'};

        private final String messageId;
        private final String subject;

        PreparedMessage(Session session, String messageId, String subject, String text) throws MessagingException {
            super(session);
            this.messageId = messageId;
            this.subject = subject;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            boolean sevenBit = sevenBit(bytes);
            this.content = sevenBit ? bytes : base64(bytes);
            setHeader("Content-Type", "text/plain; charset=" + CHARSET);
            setHeader("Content-Transfer-Encoding", sevenBit ? "7bit" : "base64");
        }

        /** ASCII without NUL, in lines of at most 998 bytes (RFC 5322). */
        static boolean sevenBit(byte[] bytes) {
            int line = 0;
            for (byte b : bytes) {
                if (b <= 0) {
                    return false;
                }
                line = b == '\n' || b == '\r' ? 0 : line + 1;
                if (line > 998) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] base64(byte[] bytes) {
            byte[] encoded = Base64.getMimeEncoder().encode(bytes);
            byte[] withEnd = Arrays.copyOf(encoded, encoded.length + 2);
            withEnd[encoded.length] = '\r';
            withEnd[encoded.length + 1] = '\n';
            return withEnd;
        }

        /** The headers the content needs are set already; what saving adds is the version, date and id. */
        @Override
        protected void updateHeaders() throws MessagingException {
            if (dh != null) { // content set or read through JavaMail since: its way
                super.updateHeaders();
                return;
            }
            setHeader("MIME-Version", "1.0");
            if (getHeader("Date") == null) {
                setSentDate(new java.util.Date());
            }
            updateMessageID();
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }

        /** The subject as given (SMTPTransport asks for it with every message; decoding it looks the stream provider up). */
        @Override
        public String getSubject() throws MessagingException {
            return subject;
        }

        /** The header lines (encoded already, so ASCII) and the encoded body, as they are. */
        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            if (!saved) {
                saveChanges();
            }
            if (dh != null) { // content set or read through JavaMail since: its way
                super.writeTo(out, ignoreList);
                return;
            }
            Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
            while (lines.hasMoreElements()) {
                out.write(lines.nextElement().getBytes(StandardCharsets.ISO_8859_1));
                out.write(CRLF);
            }
            out.write(CRLF);
            out.write(content);
            out.flush();
        }
    }

    private void writeFile(MimeMessage message) {
        try {
            Files.createDirectories(mailDirectory);
            String name = FILE_TIME.format(clock.instant().atZone(ZoneOffset.UTC)) + "-" + UUID.randomUUID() + ".eml";
            // written under a name no reader looks for, then renamed: an .eml is always whole
            Path part = mailDirectory.resolve("." + name + ".part");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(part)) {
                message.writeTo(out);
            }
            Files.move(part, mailDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a message under " + mailDirectory, e);
        } catch (MessagingException e) {
            throw new MailSendException("could not write a message", e);
        }
    }
}

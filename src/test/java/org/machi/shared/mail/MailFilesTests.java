package org.machi.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Without an SMTP server configured, mail is written as .eml files that any mail program opens. */
class MailFilesTests {

    @TempDir
    Path dataDir;

    @Test
    void writesEachMessageAsAnEmlFile() throws Exception {
        var noSmtp = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        var mail = new MailSending(noSmtp, properties(), null, Clock.systemUTC());

        mail.send(new OutgoingMail.Mail("hanako@example.jp", "【厚木市】お知らせ", "本文です。",
                Map.of("List-Unsubscribe", "<https://machi.test/unsubscribe/abc>")));

        try (var files = Files.list(dataDir.resolve("mail"))) {
            Path file = files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as("a mail is the addressee's")
                    .isEqualTo("rw-------");
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                assertThat(message.getSubject()).isEqualTo("【厚木市】お知らせ");
                assertThat(message.getAllRecipients()[0].toString()).isEqualTo("hanako@example.jp");
                assertThat((String) message.getContent()).isEqualTo("本文です。");
                assertThat(message.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://machi.test/unsubscribe/abc>");
            }
        }
    }

    /** A program that picks up .eml files as they appear (a spool reader, the soak bench) never reads half a mail. */
    @Test
    void aMailFileAppearsOnlyWhenItIsWhole() throws Exception {
        var noSmtp = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        var mail = new MailSending(noSmtp, properties(), null, Clock.systemUTC());
        Path folder = Files.createDirectories(dataDir.resolve("mail"));
        String body = "長い本文です。".repeat(200_000);
        int mails = 10;
        var sender = new Thread(() -> {
            for (int i = 0; i < mails; i++) {
                mail.send(new OutgoingMail.Mail("hanako@example.jp", "件名", body));
            }
        });
        sender.start();
        Map<Path, Long> sizeWhenFirstSeen = new HashMap<>();
        while (sizeWhenFirstSeen.size() < mails && (sender.isAlive() || sizeWhenFirstSeen.size() < countEml(folder))) {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                    sizeWhenFirstSeen.putIfAbsent(file, Files.size(file));
                }
            }
        }
        sender.join();
        assertThat(sizeWhenFirstSeen).hasSize(mails);
        for (var first : sizeWhenFirstSeen.entrySet()) {
            assertThat(first.getValue()).as("size when it appeared").isEqualTo(Files.size(first.getKey()));
        }
    }

    private static long countEml(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    @Test
    void anUnusableAddressIsRefusedAloneAndNeverQuoted() throws Exception {
        var noSmtp = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        var mail = new MailSending(noSmtp, properties(), null, Clock.systemUTC());
        String unusable = "taro\"@example.jp";

        var outcomes = mail.sendAll(List.of(new OutgoingMail.Mail("hanako@example.jp", "件名", "本文"),
                new OutgoingMail.Mail(unusable, "件名", "本文"), new OutgoingMail.Mail("jiro@example.jp", "件名", "本文")));

        assertThat(outcomes).extracting(OutgoingMail.Outcome::result).containsExactly(OutgoingMail.Outcome.Result.SENT,
                OutgoingMail.Outcome.Result.REFUSED, OutgoingMail.Outcome.Result.SENT);
        assertThat(outcomes.get(1).reason()).doesNotContain("taro");
        try (var files = Files.list(dataDir.resolve("mail"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".eml"))).hasSize(2);
        }
        assertThatThrownBy(() -> mail.send(new OutgoingMail.Mail(unusable, "件名", "本文")))
                .satisfies(failure -> {
                    for (Throwable t = failure; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).as("the address is personal data").doesNotContain("taro");
                    }
                });
    }

    private SharedProperties properties() {
        return new SharedProperties("https://machi.test", dataDir, new SharedProperties.Mail("Machi <no-reply@localhost>"),
                new SharedProperties.Tasks(Duration.ofSeconds(10)), new SharedProperties.Events(Duration.ofMinutes(5), Duration.ofMinutes(1)),
                null);
    }
}

package org.machi.procedures.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.machi.identity.account.Account;
import org.machi.identity.security.MachiUserTestSupport;
import org.machi.procedures.attachments.Attachments;
import org.machi.procedures.attachments.FileKind;
import org.machi.procedures.attachments.FileRules;
import org.machi.procedures.attachments.StoredAttachment;
import org.machi.testing.MachiWebTest;
import org.machi.testing.Mailbox;
import org.machi.testing.TestAccounts;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/** Drafts are kept for a while after their last change: their owner is reminded once per deadline, and at the deadline they go with their files. */
@MachiWebTest
class DraftExpiryTests {

    private static final String BASE = "/procedures/sodai-gomi/apply";
    private static final Pattern LINK = Pattern.compile("http://machi\\.test/procedures/drafts/continue\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    GreenMail greenMail;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DraftExpiry expiry;

    @Autowired
    Attachments attachments;

    private UUID start(Account account) throws Exception {
        Authentication resident = MachiUserTestSupport.signedIn(account, false);
        String location = mvc.perform(post(BASE).with(authentication(resident)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(BASE.length() + 1, BASE.length() + 37));
    }

    private void expiresIn(UUID draft, Duration duration) {
        jdbc.sql("UPDATE procedures.application SET draft_expires_at = :at WHERE id = :id")
                .param("at", Timestamp.from(clock.instant().plus(duration))).param("id", draft).update();
    }

    private long mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void theOwnerIsRemindedOnceBeforeTheDeadlineWithALinkToContinue() throws Exception {
        Account account = accounts.resident();
        UUID draft = start(account);
        Instant created = jdbc.sql("SELECT draft_expires_at FROM procedures.application WHERE id = :id").param("id", draft)
                .query(Timestamp.class).single().toInstant();
        assertThat(created).as("kept for 30 days").isBetween(clock.instant().plus(Duration.ofDays(30)).minusSeconds(60),
                clock.instant().plus(Duration.ofDays(30)).plusSeconds(1));
        expiry.remind();
        assertThat(mailsTo(account.login())).as("not due yet").isZero();

        expiresIn(draft, Duration.ofDays(6));
        expiry.remind();
        MimeMessage reminder = new Mailbox(greenMail).to(account.login());
        assertThat(reminder.getSubject()).contains("入力途中の申請がまもなく削除されます");
        String text = Mailbox.text(reminder);
        assertThat(text).contains("「粗大ごみ", "令和", "に削除されます");
        expiry.remind();
        expiry.remind();
        assertThat(mailsTo(account.login())).as("once for this deadline").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM procedures.draft_resume_link WHERE application_id = :id AND reason = 'REMINDER'")
                .param("id", draft).query(Long.class).single()).isEqualTo(1);

        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        String location = mvc.perform(post("/procedures/drafts/continue").param("token", link.group(1)).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("203.0.113.90");
                    return request;
                })).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).as("the first step not yet answered").isEqualTo(BASE + "/" + draft + "/business");

        // the draft changed after the reminder: a later deadline, announced again when it nears
        expiresIn(draft, Duration.ofDays(5));
        expiry.remind();
        new Mailbox(greenMail).to(account.login(), mail -> !Mailbox.text(mail).contains(link.group(1)));
        assertThat(mailsTo(account.login())).isEqualTo(2);
    }

    @Test
    void aDraftPastItsDeadlineIsDeletedWithItsFiles() throws Exception {
        Account account = accounts.resident();
        UUID draft = start(account);
        UUID kept = start(accounts.resident());
        StoredAttachment file = (StoredAttachment) attachments.accept(account.id(), new FileRules(Set.of(FileKind.PNG), 1024 * 1024),
                "photo.png", "image/png", new ByteArrayInputStream(png()));
        assertThat(attachments.attach(file.id(), account.id(), draft)).isTrue();

        expiresIn(draft, Duration.ofMinutes(-1));
        expiresIn(kept, Duration.ofMinutes(1));
        assertThat(expiry.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT count(*) FROM procedures.application WHERE id = :id").param("id", draft).query(Long.class).single())
                .isZero();
        assertThat(attachments.attachedTo(draft)).isEmpty();
        assertThat(attachments.open(file.id(), account.id())).as("the file is gone too").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM procedures.application WHERE id = :id").param("id", kept).query(Long.class).single())
                .as("a draft before its deadline stays").isEqualTo(1);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}

package org.machi.identity.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.account.Account;
import org.machi.shared.DataProtection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' TOTP second factor: enrolment (a secret shown once as a QR code), confirmation
 * with a first code, ten single-use recovery codes, and checking codes with one step of clock
 * drift either way and no code accepted twice.
 */
@Service
public class TotpCredentials {

    private static final String SECRET_CONTEXT = "identity.totp.secret";
    private static final int RECOVERY_CODES = 10;

    private final JdbcClient jdbc;
    private final DataProtection protection;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final AuditTrail audit;

    TotpCredentials(JdbcClient jdbc, DataProtection protection, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.protection = protection;
        this.clock = clock;
    }

    /** What the enrolment page shows: the secret as text and as a QR code of its otpauth URI. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    public boolean isEnrolled(UUID account) {
        return jdbc.sql("SELECT count(*) FROM identity.totp_credential WHERE account_id = :id AND confirmed_at IS NOT NULL")
                .param("id", account).query(Long.class).single() > 0;
    }

    /** Starts (or restarts) enrolment with a new secret; the old one stays valid until the new one is confirmed. */
    @Transactional
    public Enrolment startEnrolment(UUID account, String label, String issuer) {
        if (isEnrolled(account)) {
            throw new IllegalStateException("already enrolled");
        }
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String base32 = new Base32().encodeToString(secret).replace("=", "");
        jdbc.sql("DELETE FROM identity.totp_credential WHERE account_id = :id").param("id", account).update();
        jdbc.sql("INSERT INTO identity.totp_credential (account_id, secret_sealed, confirmed_at, last_step) VALUES (:id, :secret, NULL, 0)")
                .param("id", account)
                .param("secret", protection.seal(base32, SECRET_CONTEXT + ":" + account))
                .update();
        return enrolment(base32, label, issuer);
    }

    /** The pending enrolment again (after a wrong first code), or empty when none is pending. */
    public Optional<Enrolment> pendingEnrolment(UUID account, String label, String issuer) {
        return jdbc.sql("SELECT secret_sealed FROM identity.totp_credential WHERE account_id = :id AND confirmed_at IS NULL")
                .param("id", account).query(String.class).optional()
                .map(sealed -> enrolment(protection.open(sealed, SECRET_CONTEXT + ":" + account), label, issuer));
    }

    /** Confirms enrolment with a first code; returns the recovery codes to show once, or empty if the code is wrong. */
    @Transactional
    public Optional<List<String>> confirm(UUID account, String code) {
        if (!checkCode(account, code, false)) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE identity.totp_credential SET confirmed_at = :now WHERE account_id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", account).update();
        jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = :id").param("id", account).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash, used_at) VALUES (:id, :hash, NULL)")
                    .param("id", account).param("hash", protection.lookupHash(normalizeRecovery(recovery))).update();
        }
        audit.record(AuditRecord.of(Account.reference(account), "second-factor.enrolled")
                .about(Account.reference(account), "identity.totp_credential").withDetail(RECOVERY_CODES + " recovery codes issued"));
        return Optional.of(codes);
    }

    /** Checks a code from the authenticator app, or else a recovery code (which is then used up). */
    @Transactional
    public boolean verify(UUID account, String code) {
        if (!isEnrolled(account) || code == null) {
            return false;
        }
        if (checkCode(account, code, true)) {
            return true;
        }
        return jdbc.sql("UPDATE identity.recovery_code SET used_at = :now WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", account)
                .param("hash", protection.lookupHash(normalizeRecovery(code)))
                .update() == 1;
    }

    private boolean checkCode(UUID account, String code, boolean confirmed) {
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{6}")) {
            return false;
        }
        var row = jdbc.sql("SELECT secret_sealed, last_step FROM identity.totp_credential WHERE account_id = :id AND "
                        + (confirmed ? "confirmed_at IS NOT NULL" : "confirmed_at IS NULL") + " FOR UPDATE")
                .param("id", account)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .optional();
        if (row.isEmpty()) {
            return false;
        }
        byte[] secret = new Base32().decode(protection.open((String) row.get()[0], SECRET_CONTEXT + ":" + account));
        long lastStep = (long) row.get()[1];
        long now = TotpCodes.step(clock.instant());
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > lastStep && TotpCodes.code(secret, step).equals(digits)) {
                jdbc.sql("UPDATE identity.totp_credential SET last_step = :step WHERE account_id = :id")
                        .param("step", step).param("id", account).update();
                return true;
            }
        }
        return false;
    }

    private Enrolment enrolment(String base32, String label, String issuer) {
        String uri = "otpauth://totp/" + encode(issuer + ":" + label) + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(grouped(base32), uri, QrCodes.svgDataUri(uri));
    }

    private String newRecoveryCode() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String code = new Base32().encodeToString(bytes).replace("=", "").toLowerCase(Locale.ROOT).substring(0, 10);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    private static String normalizeRecovery(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String grouped(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

}

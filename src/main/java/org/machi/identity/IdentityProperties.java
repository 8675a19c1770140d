package org.machi.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity module's settings ({@code machi.identity.*}), checked at start: a bad one stops the
 * application with the setting named.
 *
 * @param firstAdministrator      the staff ID of the administrator created at first start
 * @param oneTimePasswordLifetime how long a staff member's one-time password signs in
 */
@ConfigurationProperties("machi.identity")
@Validated
public record IdentityProperties(
        @Valid @DefaultValue Password password,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue Session session,
        @Valid @DefaultValue Passkeys passkeys,
        @NotBlank @DefaultValue("admin") String firstAdministrator,
        @Valid @DefaultValue Throttle throttle,
        @Valid @DefaultValue SecondFactor secondFactor,
        @Valid @DefaultValue SignUp signUp,
        @Valid @DefaultValue SignInLink signInLink,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("24h") Duration oneTimePasswordLifetime) {

    /** Shortest passwords accepted, in characters; at most the longest accepted (128). */
    public record Password(@Min(8) @Max(128) @DefaultValue("15") int singleFactorMinimumLength,
                           @Min(8) @Max(128) @DefaultValue("8") int multiFactorMinimumLength) {

        /** A password that is the only factor protects more than one used with a second factor. */
        @AssertTrue(message = "single-factor-minimum-length must be at least multi-factor-minimum-length")
        public boolean isSingleFactorAtLeastMultiFactor() {
            return singleFactorMinimumLength >= multiFactorMinimumLength;
        }
    }

    /** @param deletedAccounts how long a deleted account's data is kept before the nightly erasure */
    public record Retention(@NotNull @DurationMin(hours = 1) @DefaultValue("30d") Duration deletedAccounts) {
    }

    /** @param absoluteLifetime how long a sign-in lasts at most, however active the session */
    public record Session(@NotNull @DurationMin(minutes = 1) @DefaultValue("12h") Duration absoluteLifetime) {
    }

    /** @param rpId the host residents use, without scheme or port (the passkeys' relying party) */
    public record Passkeys(@NotBlank @DefaultValue("localhost") String rpId) {
    }

    /**
     * Sign-in attempts, sign-in-link and password-reset requests, each counted on its own.
     *
     * @param attemptsPerAddress             per client address, per window
     * @param attemptsPerAccount             per sign-in name and client, per window (nobody can lock another person out)
     * @param attemptsPerAccountFromAnywhere per sign-in name from all clients, per window
     * @param attemptsPerAccountPerDay       per sign-in name and client, a day
     * @param window                         what the budgets but the daily one are counted over
     */
    public record Throttle(@Positive @DefaultValue("30") int attemptsPerAddress,
                           @Positive @DefaultValue("10") int attemptsPerAccount,
                           @Positive @DefaultValue("100") int attemptsPerAccountFromAnywhere,
                           @Positive @DefaultValue("40") int attemptsPerAccountPerDay,
                           @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window) {
    }

    /** Guesses of the second factor (app and recovery codes) per account and per session, per window. */
    public record SecondFactor(@Positive @DefaultValue("5") int attempts,
                               @NotNull @DurationMin(seconds = 1) @DefaultValue("15m") Duration window) {
    }

    /** Sign-up mails to one address: asked from one client, and from anywhere; each a day. */
    public record SignUp(@Positive @DefaultValue("3") int mailsPerAddressAndClient,
                         @Positive @DefaultValue("10") int mailsPerAddress) {
    }

    /** Sign-in-link mails to one address: asked from one client (an hour), and from anywhere (a day). */
    public record SignInLink(@Positive @DefaultValue("5") int mailsPerAddressAndClient,
                             @Positive @DefaultValue("20") int mailsPerAddress) {
    }
}

package org.machi.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The identity module's settings ({@code machi.identity.*}), checked at start: a bad one stops the
 * application with the setting named.
 *
 * @param firstAdministrator the staff ID of the administrator created at first start
 */
@ConfigurationProperties("machi.identity")
@Validated
public record IdentityProperties(
        @Valid @DefaultValue Password password,
        @Valid @DefaultValue Retention retention,
        @Valid @DefaultValue Session session,
        @Valid @DefaultValue Passkeys passkeys,
        @NotBlank @DefaultValue("admin") String firstAdministrator) {

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
}

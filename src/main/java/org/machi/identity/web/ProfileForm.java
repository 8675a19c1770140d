package org.machi.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import org.machi.identity.ResidentProfile;
import org.machi.shared.NoIndividualNumber;

/**
 * The profile form exactly as typed (all text, so that no input can break binding); only a valid
 * form becomes a {@link ResidentProfile}.
 */
record ProfileForm(
        @NotBlank(message = "{profile.familyName.required}") @Size(max = 50, message = "{profile.tooLong}") @NoIndividualNumber String familyName,
        @NotBlank(message = "{profile.givenName.required}") @Size(max = 50, message = "{profile.tooLong}") @NoIndividualNumber String givenName,
        @Size(max = 50, message = "{profile.tooLong}") @Pattern(regexp = KANA, message = "{profile.kana.invalid}") String familyNameKana,
        @Size(max = 50, message = "{profile.tooLong}") @Pattern(regexp = KANA, message = "{profile.kana.invalid}") String givenNameKana,
        String birthDate,
        @Pattern(regexp = "(\\d{3}-?\\d{4})?", message = "{profile.postalCode.invalid}") String postalCode,
        @Size(max = 200, message = "{profile.tooLong}") @NoIndividualNumber String address,
        String district,
        @Pattern(regexp = "([0-9+][0-9 ()-]{8,18})?", message = "{profile.phone.invalid}") String phone,
        String preferredLanguage,
        String contactChannel) {

    static final String KANA = "[\\p{InHiragana}\\p{InKatakana}ー・ 　]*";

    static ProfileForm of(ResidentProfile p) {
        return new ProfileForm(p.familyName(), p.givenName(), p.familyNameKana(), p.givenNameKana(),
                p.birthDate() == null ? null : p.birthDate().toString(), p.postalCode(), p.address(), p.district(), p.phone(),
                p.preferredLanguage(), p.contactChannel().name());
    }

    /** The birth date, if one was typed and it is a real date (yyyy-MM-dd). */
    Optional<LocalDate> parsedBirthDate() {
        if (birthDate == null || !birthDate.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(birthDate.strip(), DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT)));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    Optional<ResidentProfile.ContactChannel> parsedContactChannel() {
        return Arrays.stream(ResidentProfile.ContactChannel.values()).filter(c -> c.name().equals(contactChannel)).findFirst();
    }

    /** Call only when the form is valid. */
    ResidentProfile toProfile() {
        return new ResidentProfile(trim(familyName), trim(givenName), trim(familyNameKana), trim(givenNameKana),
                parsedBirthDate().orElse(null), trim(postalCode), trim(address), blankToNull(district), trim(phone),
                blankToNull(preferredLanguage), parsedContactChannel().orElse(ResidentProfile.ContactChannel.EMAIL));
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

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
import org.machi.shared.JapaneseInput;
import org.machi.shared.NoIndividualNumber;

/**
 * The profile form as typed (all text, so that no input can break binding), with what a Japanese
 * keyboard types normalised first (full-width digits and dashes in numbers and dates, half-width
 * katakana in furigana); only a valid form becomes a {@link ResidentProfile}.
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
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    ProfileForm {
        familyNameKana = JapaneseInput.fullWidthKana(familyNameKana);
        givenNameKana = JapaneseInput.fullWidthKana(givenNameKana);
        birthDate = JapaneseInput.asciiNumber(birthDate);
        postalCode = JapaneseInput.asciiNumber(postalCode);
        phone = JapaneseInput.asciiNumber(phone);
    }

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

    /** Year, month and day of a birth date whose month has no such day (2025-02-30, 2025-04-31). */
    Optional<String[]> nonexistentBirthDate() {
        if (birthDate == null) {
            return Optional.empty();
        }
        var parts = DATE.matcher(birthDate.strip());
        if (!parts.matches() || parsedBirthDate().isPresent()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(parts.group(2));
        int day = Integer.parseInt(parts.group(3));
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        return Optional.of(new String[] {parts.group(1), String.valueOf(month), String.valueOf(day)});
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

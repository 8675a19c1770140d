package org.machi.identity;

import java.time.LocalDate;

/**
 * What a resident told the city about themselves, to fill forms for them (once only). Any field
 * may be empty; the district is a code of the city profile.
 */
public record ResidentProfile(
        String familyName,
        String givenName,
        String familyNameKana,
        String givenNameKana,
        LocalDate birthDate,
        String postalCode,
        String address,
        String district,
        String phone,
        String preferredLanguage,
        ContactChannel contactChannel) {

    /** How the resident prefers the city to reach them. */
    public enum ContactChannel { EMAIL, POST, PHONE }

    public static ResidentProfile empty() {
        return new ResidentProfile(null, null, null, null, null, null, null, null, null, null, ContactChannel.EMAIL);
    }
}

package org.machi.procedures;

import java.time.LocalDate;

/**
 * What identifies an applicant, as the fields with a prefill key hold it: to look the applicant up
 * in the resident register (casework's checks), or, the other way round, what the register holds
 * to fill a counter draft with (the same rules as the profile prefill: a value the field would
 * refuse is left out). Any part may be null when the form does not ask for it or it is not known.
 *
 * @param familyName     姓 (prefill key FAMILY_NAME)
 * @param givenName      名 (GIVEN_NAME)
 * @param familyNameKana セイ in katakana (FAMILY_NAME_KANA)
 * @param givenNameKana  メイ in katakana (GIVEN_NAME_KANA)
 * @param birthDate      生年月日 (BIRTH_DATE)
 * @param postcode       7 digits without hyphen (the postcode of the ADDRESS field)
 * @param addressLine    the address after the postcode (the line of the ADDRESS field)
 * @param district       the city's district (地区) of the address where the form or register knows it, else null
 */
public record ApplicantFacts(String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
                             String postcode, String addressLine, String district) {

    public static final ApplicantFacts NONE = new ApplicantFacts(null, null, null, null, null, null, null, null);

    /** Without a district. */
    public ApplicantFacts(String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
                          String postcode, String addressLine) {
        this(familyName, givenName, familyNameKana, givenNameKana, birthDate, postcode, addressLine, null);
    }

    /** Whether nothing at all is known. */
    public boolean isEmpty() {
        return familyName == null && givenName == null && familyNameKana == null && givenNameKana == null && birthDate == null
                && postcode == null && addressLine == null;
    }

    /** No names, birth date or address in logs: only which parts are known. */
    @Override
    public String toString() {
        return "ApplicantFacts[" + (familyName != null ? "familyName " : "") + (givenName != null ? "givenName " : "")
                + (familyNameKana != null ? "familyNameKana " : "") + (givenNameKana != null ? "givenNameKana " : "")
                + (birthDate != null ? "birthDate " : "") + (postcode != null ? "postcode " : "") + (addressLine != null ? "addressLine " : "")
                + (district != null ? "district" : "") + "]";
    }
}

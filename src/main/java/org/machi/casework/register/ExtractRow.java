package org.machi.casework.register;

import java.time.LocalDate;
import java.util.List;

/** One valid row of a register extract, normalised (kana full width, postcode as seven digits). */
record ExtractRow(int line, String registerNumber, String householdNumber, String familyName, String givenName,
                  String familyNameKana, String givenNameKana, LocalDate birthDate, String sex, String postcode,
                  String addressLine, String district, String relationship, boolean head, List<String> proxyFor) {

    /** The row as one text, for telling a changed person from an unchanged one. */
    String canonical() {
        return String.join("\u0001", registerNumber, householdNumber, familyName, givenName, familyNameKana, givenNameKana,
                birthDate.toString(), sex, postcode, addressLine, district, relationship, head ? "1" : "0", String.join(";", proxyFor));
    }
}

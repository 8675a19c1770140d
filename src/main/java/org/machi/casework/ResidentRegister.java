package org.machi.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The resident register (住民基本台帳) as Machi reads it: the city's core system is not Machi, so
 * its people and households come in through this port. The implementation in
 * {@code casework.register} answers from the current snapshot of the last imported extract.
 * <p>
 * Reading it is a staff read of personal data: callers record it in the audit trail with their
 * purpose (the port does not know who reads). Register numbers are internal numbers (宛名番号),
 * never My Numbers.
 */
public interface ResidentRegister {

    /** The person with this register number, if the current snapshot has one. */
    Optional<RegisteredPerson> byNumber(String registerNumber);

    /**
     * The people of this name, written in kanji or in kana (both parts the same way), born on
     * that day. Spaces and full-width or half-width forms do not matter, nor katakana against
     * hiragana in kana. Several people may share a name and a birthday.
     */
    List<RegisteredPerson> byNameAndBirthDate(String familyName, String givenName, LocalDate birthDate);

    /**
     * The people registered at this address: the postcode (with or without the hyphen) and the
     * address line as the register writes it (町名・番地; 丁目・番地・号 and hyphens count alike).
     */
    List<RegisteredPerson> byAddress(String postcode, String addressLine);

    /** The household (世帯) with this number, its head first among its members. */
    Optional<RegisteredHousehold> household(String householdNumber);
}

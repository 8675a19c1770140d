package org.machi.casework;

import java.time.LocalDate;

/**
 * One person of the resident register, as the current snapshot holds them.
 *
 * @param registerNumber  the internal register number (宛名番号, 10 digits), never a My Number
 * @param householdNumber the household (世帯) they belong to
 * @param sex             {@code M} or {@code F}
 * @param postcode        seven digits, no hyphen
 * @param addressLine     町名・番地・建物名, without the city's name
 * @param district        the city profile's district code
 * @param relationship    their relationship to the head of the household (続柄), as the register writes it
 * @param head            whether they are the head of the household (世帯主)
 */
public record RegisteredPerson(String registerNumber, String householdNumber, String familyName, String givenName,
                               String familyNameKana, String givenNameKana, LocalDate birthDate, String sex,
                               String postcode, String addressLine, String district, String relationship, boolean head) {
}

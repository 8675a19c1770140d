package org.machi.procedures.forms.values;

import java.util.Optional;

/**
 * One row of the city's postcode list.
 *
 * @param postcode seven digits
 * @param name     the town (町域) as Japan Post writes it
 * @param kana     its reading in katakana
 * @param district the city profile's district code, where known
 * @param kind     whether the postcode is a town's, one office's own, or the city's catch-all
 */
public record Town(String postcode, String name, String kana, Optional<String> district, Kind kind) {

    public enum Kind { TOWN, OFFICE, UNLISTED }
}

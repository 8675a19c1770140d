package org.machi.procedures.forms.values;

import java.util.Optional;

/**
 * An address as a form keeps it.
 *
 * @param postcode seven digits
 * @param line     the rest of the address as the resident wrote it (town, block, building)
 * @param district the city's district code, when the postcode decides it; empty outside the city
 * @param inCity   whether the postcode is one of the city's
 */
public record Address(String postcode, String line, Optional<String> district, boolean inCity) {
}

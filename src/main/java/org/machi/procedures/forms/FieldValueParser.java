package org.machi.procedures.forms;

/**
 * Turns what a resident typed into one input of a field into its normalised value (dates ISO,
 * kana in full-width katakana, numbers and yen as plain digits, postcodes as seven digits) or a
 * problem. Whether a field must be answered is decided by the caller: {@code raw} is never blank here.
 * An ADDRESS field has two inputs, {@link Part#POSTCODE} and {@link Part#ADDRESS_LINE}; every
 * other field has one, {@link Part#VALUE}. FILE and GROUP fields never reach a parser.
 */
public interface FieldValueParser {

    enum Part { VALUE, POSTCODE, ADDRESS_LINE }

    FieldValue parse(Field field, Part part, String raw);

    /**
     * An ADDRESS answer read whole, both inputs typed: the postcode (the city's own unless the field
     * says {@code outsideCity}), the line and the district the postcode decides (null when it does not).
     */
    AddressValue address(Field field, String postcode, String line);

    /** The address as stored, or the problem and which input it is about. */
    record AddressValue(String postcode, String line, String district, Part problemPart, FieldValue problem) {

        public boolean ok() {
            return problem == null;
        }
    }
}

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
}

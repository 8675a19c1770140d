package org.machi.procedures.applying;

import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldValue;
import org.machi.procedures.forms.FieldValueParser;

/** A parser that takes every answer as typed, for tests of the form rules alone. */
final class AsTyped implements FieldValueParser {

    static final AsTyped PARSER = new AsTyped();

    @Override
    public FieldValue parse(Field field, Part part, String raw) {
        return FieldValue.of(raw.strip());
    }

    @Override
    public AddressValue address(Field field, String postcode, String line) {
        return new AddressValue(postcode.strip(), line.strip(), null, null, null);
    }
}

package org.machi.procedures.forms;

import java.text.Normalizer;
import java.util.List;
import org.machi.procedures.forms.values.Address;
import org.machi.procedures.forms.values.DateValues;
import org.machi.procedures.forms.values.DatesAllowed;
import org.machi.procedures.forms.values.EmailValues;
import org.machi.procedures.forms.values.KanaValues;
import org.machi.procedures.forms.values.NumberValues;
import org.machi.procedures.forms.values.PhoneValues;
import org.machi.procedures.forms.values.PostcodeValues;
import org.machi.procedures.forms.values.Postcodes;
import org.machi.procedures.forms.values.Problem;
import org.machi.procedures.forms.values.TextValues;
import org.machi.shared.IndividualNumbers;
import org.springframework.stereotype.Component;

/**
 * Reads answers with the city's rules of {@link org.machi.procedures.forms.values}: 和暦 dates,
 * yen and numbers as typed with an IME, kana made katakana, phone numbers by the number plan, and
 * postcodes checked against the city's own list (which also gives the district).
 */
@Component
class CityFieldValues implements FieldValueParser {

    static final int ADDRESS_LINE_LENGTH = 200;

    private final DateValues dates;
    private final Postcodes postcodes;

    CityFieldValues(DateValues dates, Postcodes postcodes) {
        this.dates = dates;
        this.postcodes = postcodes;
    }

    @Override
    public FieldValue parse(Field field, Part part, String raw) {
        return switch (field.type()) {
            case TEXT -> field.digits() != null ? digits(raw, field.digits()) : of(TextValues.line(raw, field.effectiveMaxLength()));
            case TEXTAREA -> of(TextValues.lines(raw, field.effectiveMaxLength()));
            case KANA -> of(KanaValues.parse(raw, field.effectiveMaxLength()));
            case NUMBER -> of(NumberValues.number(raw, field.min(), field.max()));
            case YEN -> of(NumberValues.yen(raw, field.min(), field.max()));
            case DATE -> of(dates.parse(raw, DatesAllowed.valueOf(field.effectiveDates().name())));
            case PHONE -> of(PhoneValues.parse(raw));
            case EMAIL -> of(EmailValues.parse(raw));
            case ADDRESS -> part == Part.POSTCODE ? postcode(field, raw) : of(TextValues.line(raw, ADDRESS_LINE_LENGTH));
            case CHOICE, CHECKBOXES -> field.option(raw.strip()).isPresent() ? FieldValue.of(raw.strip())
                    : FieldValue.problem("apply.value.choice");
            case FILE, GROUP -> throw new IllegalArgumentException(field.type() + " fields are not parsed from text");
        };
    }

    @Override
    public AddressValue address(Field field, String postcode, String line) {
        org.machi.procedures.forms.values.FieldValue<Address> read = postcodes.address(postcode, line, field.outsideCity());
        if (read.refusal().isPresent()) {
            Problem problem = read.refusal().get();
            return new AddressValue(null, null, null, "line".equals(problem.part()) ? Part.ADDRESS_LINE : Part.POSTCODE, of(problem));
        }
        Address address = read.accepted().orElseThrow();
        return new AddressValue(address.postcode(), address.line(), address.district().orElse(null), null, null);
    }

    private FieldValue postcode(Field field, String raw) {
        FieldValue code = of(PostcodeValues.parse(raw));
        if (code.ok() && !field.outsideCity() && postcodes.lookup(code.value()).isEmpty()) {
            return FieldValue.problem("form.value.postcode.notInCity", PostcodeValues.display(code.value()));
        }
        return code;
    }

    /** Exactly so many digits, full-width or with spaces as typed; never a My Number. */
    private static FieldValue digits(String raw, int count) {
        String plain = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "");
        if (!plain.matches("[0-9]{" + count + "}")) {
            return FieldValue.problem("apply.value.digits", count);
        }
        if (IndividualNumbers.containsOne(plain)) {
            return FieldValue.problem("form.value.text.individualNumber");
        }
        return FieldValue.of(plain);
    }

    private static FieldValue of(org.machi.procedures.forms.values.FieldValue<?> read) {
        return read.refusal().map(CityFieldValues::of).orElseGet(() -> FieldValue.of(read.storedText().orElseThrow()));
    }

    private static FieldValue of(Problem problem) {
        return new FieldValue(null, problem.key(), List.copyOf(problem.arguments()));
    }
}

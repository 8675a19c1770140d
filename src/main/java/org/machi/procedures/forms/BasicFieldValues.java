package org.machi.procedures.forms;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.machi.shared.CityProfile;
import org.machi.shared.IndividualNumbers;
import org.springframework.stereotype.Component;

/**
 * The plain reading of each field type: Western dates as 2025-04-01, numbers and yen in digits
 * (full-width digits, commas and a trailing 円 accepted), kana in hiragana or katakana, postcodes of
 * seven digits. A city's fuller rules (和暦 dates, the postcode list) replace this bean through the
 * {@link FieldValueParser} seam. Text never holds a My Number.
 */
@Component
class BasicFieldValues implements FieldValueParser {

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,15}");
    private static final Pattern KATAKANA = Pattern.compile("[\\p{IsKatakana}ー　 ]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{8,15}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{7}");
    private static final int ADDRESS_LINE_LENGTH = 200;

    private final Clock clock;
    private final CityProfile city;

    BasicFieldValues(Clock clock, CityProfile city) {
        this.clock = clock;
        this.city = city;
    }

    @Override
    public FieldValue parse(Field field, Part part, String raw) {
        String input = raw.strip();
        return switch (field.type()) {
            case TEXT, TEXTAREA -> text(input, field.effectiveMaxLength());
            case KANA -> kana(input, field.effectiveMaxLength());
            case NUMBER, YEN -> number(input, field);
            case DATE -> date(input, field.effectiveDates());
            case PHONE -> phone(input);
            case EMAIL -> input.length() <= 254 && EMAIL.matcher(input).matches() ? FieldValue.of(input)
                    : FieldValue.problem("apply.value.email");
            case ADDRESS -> part == Part.POSTCODE ? postcode(input) : text(input, ADDRESS_LINE_LENGTH);
            case CHOICE, CHECKBOXES -> field.option(input).isPresent() ? FieldValue.of(input) : FieldValue.problem("apply.value.choice");
            case FILE, GROUP -> throw new IllegalArgumentException(field.type() + " fields are not parsed from text");
        };
    }

    private static FieldValue text(String input, int maxLength) {
        if (input.codePointCount(0, input.length()) > maxLength) {
            return FieldValue.problem("apply.value.tooLong", maxLength);
        }
        if (IndividualNumbers.containsOne(input)) {
            return FieldValue.problem("apply.value.individualNumber");
        }
        return FieldValue.of(input);
    }

    private static FieldValue kana(String input, int maxLength) {
        StringBuilder katakana = new StringBuilder();
        input.codePoints().forEach(c -> katakana.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
        String value = katakana.toString().replace('　', ' ');
        if (!KATAKANA.matcher(value).matches()) {
            return FieldValue.problem("apply.value.kana");
        }
        return value.length() > maxLength ? FieldValue.problem("apply.value.tooLong", maxLength) : FieldValue.of(value);
    }

    private static FieldValue number(String input, Field field) {
        String plain = Normalizer.normalize(input, Normalizer.Form.NFKC).replace(",", "").replace(" ", "");
        if (field.type() == FieldType.YEN && plain.endsWith("円")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        if (!DIGITS.matcher(plain).matches()) {
            return FieldValue.problem(field.type() == FieldType.YEN ? "apply.value.yen" : "apply.value.number");
        }
        long value = Long.parseLong(plain);
        if (field.min() != null && value < field.min() || field.max() != null && value > field.max()) {
            if (field.min() != null && field.max() != null) {
                return FieldValue.problem("apply.value.range", field.min(), field.max());
            }
            return field.min() != null ? FieldValue.problem("apply.value.min", field.min()) : FieldValue.problem("apply.value.max", field.max());
        }
        return FieldValue.of(Long.toString(value));
    }

    private FieldValue date(String input, DateRange range) {
        LocalDate date;
        try {
            date = LocalDate.parse(Normalizer.normalize(input, Normalizer.Form.NFKC));
        } catch (DateTimeParseException e) {
            return FieldValue.problem("apply.value.date");
        }
        LocalDate today = LocalDate.now(clock.withZone(city.timeZone()));
        if (range == DateRange.PAST && date.isAfter(today)) {
            return FieldValue.problem("apply.value.datePast");
        }
        if (range == DateRange.FUTURE && date.isBefore(today)) {
            return FieldValue.problem("apply.value.dateFuture");
        }
        return FieldValue.of(date.toString());
    }

    private static FieldValue phone(String input) {
        String plain = Normalizer.normalize(input, Normalizer.Form.NFKC).replace(" ", "").replace("ー", "-");
        return PHONE.matcher(plain).matches() ? FieldValue.of(plain) : FieldValue.problem("apply.value.phone");
    }

    private static FieldValue postcode(String input) {
        String plain = Normalizer.normalize(input, Normalizer.Form.NFKC).replace("〒", "").replace("-", "").replace(" ", "");
        return POSTCODE.matcher(plain).matches() ? FieldValue.of(plain) : FieldValue.problem("apply.value.postcode");
    }
}

package org.machi.procedures.forms;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One question of a form. Settings that do not apply to the field's type are null (or empty); the
 * reader refuses them and {@link FormDefinition#problems()} names the ones that are inconsistent.
 *
 * @param fact        a life-event shared fact this field holds (entered once in a bundle), or null
 * @param outsideCity an ADDRESS field that accepts an address outside the city
 * @param maxBytes    FILE: the largest file accepted, at most {@link FormDefinition#MAX_FILE_BYTES}
 * @param fields      GROUP: the child fields of each item
 * @param digits      TEXT: the answer is exactly this many digits (a bank account number, an insured person's number)
 */
public record Field(String id, FieldType type, Text label, Text hint, boolean required, Condition showIf, PrefillKey prefill,
                    String fact, Integer maxLength, Long min, Long max, DateRange dates, List<Option> options, boolean outsideCity,
                    Set<FileFormat> accept, Long maxBytes, List<Field> fields, Integer minItems, Integer maxItems, Text itemLabel, Integer digits) {

    public Field {
        options = options == null ? List.of() : List.copyOf(options);
        accept = accept == null ? Set.of() : Set.copyOf(accept);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A field without a digit count, as forms were before {@code digits} existed. */
    public Field(String id, FieldType type, Text label, Text hint, boolean required, Condition showIf, PrefillKey prefill,
                 String fact, Integer maxLength, Long min, Long max, DateRange dates, List<Option> options, boolean outsideCity,
                 Set<FileFormat> accept, Long maxBytes, List<Field> fields, Integer minItems, Integer maxItems, Text itemLabel) {
        this(id, type, label, hint, required, showIf, prefill, fact, maxLength, min, max, dates, options, outsideCity, accept, maxBytes,
                fields, minItems, maxItems, itemLabel, null);
    }

    /** The length limit in characters, the type's default where the form gives none; null for types without one. */
    public Integer effectiveMaxLength() {
        return maxLength != null ? maxLength : type.defaultMaxLength();
    }

    public DateRange effectiveDates() {
        return dates == null ? DateRange.ANY : dates;
    }

    public int effectiveMinItems() {
        return minItems == null ? (required ? 1 : 0) : minItems;
    }

    public int effectiveMaxItems() {
        return maxItems == null ? FormDefinition.MAX_GROUP_ITEMS : maxItems;
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** This field and, for a GROUP, its children. */
    public Stream<Field> withChildren() {
        return Stream.concat(Stream.of(this), fields.stream());
    }

    /** A plain field of a type, required or not, with the same label everywhere; for tests and the editor. */
    public static Field simple(String id, FieldType type, String label, boolean required) {
        return new Field(id, type, Text.of(label), null, required, null, null, null, null, null, null, null, null, false, null, null,
                null, null, null, null);
    }
}

package org.machi.procedures.forms;

import java.util.Set;

/**
 * What a field may be filled with from the resident's profile and account (once only), with the
 * {@code autocomplete} token it gives the input and the field types it fits.
 */
public enum PrefillKey {
    FAMILY_NAME("family-name", Set.of(FieldType.TEXT)),
    GIVEN_NAME("given-name", Set.of(FieldType.TEXT)),
    FAMILY_NAME_KANA("family-name", Set.of(FieldType.KANA)),
    GIVEN_NAME_KANA("given-name", Set.of(FieldType.KANA)),
    BIRTH_DATE("bday", Set.of(FieldType.DATE)),
    ADDRESS("street-address", Set.of(FieldType.ADDRESS)),
    PHONE("tel", Set.of(FieldType.PHONE)),
    EMAIL("email", Set.of(FieldType.EMAIL));

    private final String autocomplete;
    private final Set<FieldType> fits;

    PrefillKey(String autocomplete, Set<FieldType> fits) {
        this.autocomplete = autocomplete;
        this.fits = fits;
    }

    public String autocomplete() {
        return autocomplete;
    }

    public boolean fits(FieldType type) {
        return fits.contains(type);
    }
}

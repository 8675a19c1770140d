package org.machi.procedures.forms.values;

import org.machi.shared.EmailAddresses;

/** A mail address, also when typed with full-width letters or ＠ (an IME left on): stored plain, as mail can be sent to it. */
public final class EmailValues {

    private EmailValues() {
    }

    public static FieldValue<String> parse(String raw) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        String address = Typed.plain(raw).strip();
        if (!EmailAddresses.valid(address)) {
            return FieldValue.refused("form.value.email.invalid");
        }
        return FieldValue.accepted(address, address);
    }
}

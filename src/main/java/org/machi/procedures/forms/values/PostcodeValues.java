package org.machi.procedures.forms.values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Japanese postcode as typed (243-0018, 2430018, 〒243-0018, ２４３－００１８): stored as seven digits. */
public final class PostcodeValues {

    private static final Pattern POSTCODE = Pattern.compile("〒?(\\d{3})-?(\\d{4})");

    private PostcodeValues() {
    }

    public static FieldValue<String> parse(String raw) {
        if (Typed.blank(raw)) {
            return FieldValue.refused("form.value.required");
        }
        Matcher postcode = POSTCODE.matcher(Typed.compact(raw));
        if (!postcode.matches()) {
            return FieldValue.refused("form.value.postcode.invalid");
        }
        String digits = postcode.group(1) + postcode.group(2);
        return FieldValue.accepted(digits, digits);
    }

    /** 2430018 as 243-0018. */
    public static String display(String stored) {
        return stored.substring(0, 3) + "-" + stored.substring(3);
    }
}

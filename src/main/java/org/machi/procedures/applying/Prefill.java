package org.machi.procedures.applying;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.identity.Resident;
import org.machi.identity.ResidentProfile;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FieldValue;
import org.machi.procedures.forms.FieldValueParser;
import org.machi.procedures.forms.FieldValueParser.Part;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.PrefillKey;

/**
 * Once only: a new draft starts with what the city already holds. A field with a prefill key takes
 * the profile's value; where the profile has none, a field with a prefill key or a life-event fact
 * takes the answer the resident gave to the same field in their latest earlier application. Every
 * value passes the field's own rules first, so nothing the form would refuse is filled in. At the
 * counter, the resident register's facts take the profile's place.
 */
final class Prefill {

    private final FieldValueParser parser;

    Prefill(FieldValueParser parser) {
        this.parser = parser;
    }

    /** Answers by key, keyed per field id in the order of the form. */
    Map<String, Map<String, String>> values(FormDefinition form, Resident resident, List<Answers> earlier) {
        ResidentProfile profile = resident.profile();
        // an account made with the My Number Card signs in with no mail address
        String email = resident.email() == null || resident.email().startsWith("card:") ? null : resident.email();
        return values(form, new Held(profile.familyName(), profile.givenName(), profile.familyNameKana(), profile.givenNameKana(),
                profile.birthDate(), profile.postalCode(), profile.address(), profile.district(), profile.phone(), email), earlier);
    }

    /**
     * The same for a counter draft, from what the resident register holds (names, kana, birth date,
     * address; no phone or mail address): the rules are those of the profile, with no earlier applications.
     */
    Map<String, Map<String, String>> values(FormDefinition form, ApplicantFacts facts) {
        return values(form, new Held(facts.familyName(), facts.givenName(), facts.familyNameKana(), facts.givenNameKana(),
                facts.birthDate(), facts.postcode(), facts.addressLine(), facts.district(), null, null), List.of());
    }

    /** What the city holds of the applicant, whatever it came from. */
    private record Held(String familyName, String givenName, String familyNameKana, String givenNameKana, LocalDate birthDate,
                        String postcode, String addressLine, String district, String phone, String email) {
    }

    private Map<String, Map<String, String>> values(FormDefinition form, Held held, List<Answers> earlier) {
        Map<String, Map<String, String>> filled = new LinkedHashMap<>();
        form.fields().filter(f -> f.type() != FieldType.GROUP && f.type() != FieldType.FILE).forEach(field -> {
            Map<String, String> values = field.prefill() == null ? Map.of() : fromHeld(field, held);
            if (values.isEmpty() && (field.prefill() != null || field.fact() != null)) {
                values = fromEarlier(field, earlier);
            }
            if (!values.isEmpty()) {
                filled.put(field.id(), values);
            }
        });
        return filled;
    }

    private Map<String, String> fromHeld(Field field, Held held) {
        if (field.prefill() == PrefillKey.ADDRESS) {
            Map<String, String> address = new LinkedHashMap<>();
            put(address, field, Part.POSTCODE, field.id() + ".postcode", held.postcode());
            put(address, field, Part.ADDRESS_LINE, field.id() + ".line", held.addressLine());
            if (address.size() < 2) {
                return Map.of();
            }
            if (held.district() != null) {
                address.put(field.id() + ".district", held.district());
            }
            return address;
        }
        String value = switch (field.prefill()) {
            case FAMILY_NAME -> held.familyName();
            case GIVEN_NAME -> held.givenName();
            case FAMILY_NAME_KANA -> held.familyNameKana();
            case GIVEN_NAME_KANA -> held.givenNameKana();
            case BIRTH_DATE -> held.birthDate() == null ? null : held.birthDate().toString();
            case PHONE -> held.phone();
            case EMAIL -> held.email();
            case ADDRESS -> null;
        };
        Map<String, String> values = new LinkedHashMap<>();
        put(values, field, Part.VALUE, field.id(), value);
        return values;
    }

    private Map<String, String> fromEarlier(Field field, List<Answers> earlier) {
        for (Answers answers : earlier) {
            Map<String, String> values = new LinkedHashMap<>();
            if (field.type() == FieldType.ADDRESS) {
                put(values, field, Part.POSTCODE, field.id() + ".postcode", answers.get(field.id() + ".postcode"));
                put(values, field, Part.ADDRESS_LINE, field.id() + ".line", answers.get(field.id() + ".line"));
                if (values.size() == 2 && answers.get(field.id() + ".district") != null) {
                    values.put(field.id() + ".district", answers.get(field.id() + ".district"));
                }
                if (values.size() >= 2) {
                    return values;
                }
            } else if (field.type() == FieldType.CHECKBOXES) {
                String ticked = answers.get(field.id());
                if (ticked != null && List.of(ticked.split(",")).stream().allMatch(v -> field.option(v).isPresent())) {
                    return Map.of(field.id(), ticked);
                }
            } else {
                put(values, field, Part.VALUE, field.id(), answers.get(field.id()));
                if (!values.isEmpty()) {
                    return values;
                }
            }
        }
        return Map.of();
    }

    private void put(Map<String, String> values, Field field, Part part, String key, String raw) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        FieldValue value = parser.parse(field, part, raw);
        if (value.ok() && value.value() != null) {
            values.put(key, value.value());
        }
    }
}

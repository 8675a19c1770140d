package org.machi.procedures.editor;

import org.machi.procedures.forms.Condition;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormFormatException;
import org.machi.procedures.forms.FormJson;
import org.machi.procedures.forms.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries a condition the editor cannot show as one comparison (not, all, any) through the page
 * unchanged, as the JSON the form reader reads; it is read back with the same reader, so a changed
 * hidden value is refused like any bad form file.
 */
final class KeptConditions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeptConditions() {
    }

    static String write(Condition condition) {
        JsonNode form = JSON.readTree(FormJson.write(carrier(condition)));
        return JSON.writeValueAsString(form.get("steps").get(0).get("fields").get(0).get("showIf"));
    }

    /** The condition, or null when the text is not one. */
    static Condition read(String json) {
        try {
            JsonNode condition = JSON.readTree(json);
            var form = JSON.readTree(FormJson.write(carrier(new Condition.Answered("x", true))));
            ((tools.jackson.databind.node.ObjectNode) form.get("steps").get(0).get("fields").get(0)).set("showIf", condition);
            return FormJson.read(JSON.writeValueAsString(form)).steps().get(0).fields().get(0).showIf();
        } catch (FormFormatException | tools.jackson.core.JacksonException | ClassCastException | NullPointerException e) {
            return null;
        }
    }

    private static FormDefinition carrier(Condition condition) {
        Field field = new Field("x", FieldType.TEXT, null, null, false, condition, null, null, null, null, null, null, null, false,
                null, null, null, null, null, null);
        return new FormDefinition("x", java.util.List.of(new Step("x", null, null, null, null, java.util.List.of(field))), null);
    }
}

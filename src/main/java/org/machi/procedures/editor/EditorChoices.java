package org.machi.procedures.editor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machi.procedures.forms.DateRange;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FileFormat;
import org.machi.procedures.forms.PrefillKey;

/**
 * What the editor page's lists offer (an instance, for the templates). The facts are those of the
 * form contract (issue 12 design): the same name has the same type in every form.
 */
public final class EditorChoices {

    static final Map<String, FieldType> FACTS = facts("moveDate", FieldType.DATE, "newAddress", FieldType.ADDRESS, "previousAddress",
            FieldType.ADDRESS, "children", FieldType.GROUP, "deceasedName", FieldType.TEXT, "dateOfDeath", FieldType.DATE,
            "disasterDate", FieldType.DATE, "damagedAddress", FieldType.ADDRESS);
    static final Map<String, FieldType> CHILD_FACTS = facts("childFamilyName", FieldType.TEXT, "childGivenName", FieldType.TEXT,
            "childNameKana", FieldType.KANA, "childBirthDate", FieldType.DATE);

    public FieldType[] types() {
        return FieldType.values();
    }

    /** The types a group item may hold. */
    public List<FieldType> childTypes() {
        return java.util.Arrays.stream(FieldType.values()).filter(t -> t != FieldType.GROUP && t != FieldType.FILE).toList();
    }

    public DraftCondition.Mode[] modes() {
        return DraftCondition.Mode.values();
    }

    public PrefillKey[] prefills() {
        return PrefillKey.values();
    }

    public DateRange[] dateRanges() {
        return DateRange.values();
    }

    public FileFormat[] fileFormats() {
        return FileFormat.values();
    }

    public Set<String> facts() {
        return FACTS.keySet();
    }

    public Set<String> childFacts() {
        return CHILD_FACTS.keySet();
    }

    /** Whether a problem is on one of the inputs of a text (its nine languages), to open them. */
    public boolean anyProblem(Set<String> problemIds, String name) {
        String prefix = EditorProblem.inputId(name) + "-";
        return problemIds != null && problemIds.stream().anyMatch(id -> id.startsWith(prefix));
    }

    public String inputId(String name) {
        return EditorProblem.inputId(name);
    }

    private static Map<String, FieldType> facts(Object... pairs) {
        Map<String, FieldType> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], (FieldType) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(facts);
    }
}

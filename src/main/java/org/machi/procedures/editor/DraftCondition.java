package org.machi.procedures.editor;

import java.util.Arrays;
import java.util.List;
import org.machi.procedures.forms.Condition;

/**
 * A condition as the editor shows it: one field compared in one way. Conditions made of several
 * (not, all, any), which only a form file can hold, are kept as they are and shown read only.
 */
public final class DraftCondition {

    public enum Mode { NONE, EQUALS, IN, ANSWERED, NOT_ANSWERED, KEPT }

    public Mode mode = Mode.NONE;
    public String field = "";
    /** EQUALS: the value; IN: the values, separated by commas. */
    public String value = "";
    /** KEPT: the condition itself, as the form JSON writes it. */
    public String kept = "";

    static DraftCondition of(Condition condition) {
        DraftCondition draft = new DraftCondition();
        if (condition == null) {
            draft.mode = Mode.NONE;
        } else if (condition instanceof Condition.Equals equals) {
            draft.mode = Mode.EQUALS;
            draft.field = equals.field();
            draft.value = equals.value();
        } else if (condition instanceof Condition.In in) {
            draft.mode = Mode.IN;
            draft.field = in.field();
            draft.value = String.join(", ", in.values());
        } else if (condition instanceof Condition.Answered answered) {
            draft.mode = answered.answered() ? Mode.ANSWERED : Mode.NOT_ANSWERED;
            draft.field = answered.field();
        } else {
            draft.mode = Mode.KEPT;
            draft.kept = KeptConditions.write(condition);
        }
        return draft;
    }

    public List<String> values() {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public boolean none() {
        return mode == Mode.NONE;
    }
}

package org.machi.procedures.editor;

import java.util.ArrayList;
import java.util.List;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Step;
import org.machi.procedures.forms.Stop;
import org.springframework.context.MessageSourceResolvable;

/**
 * A form as the editor page shows it and posts it back: every step, field, option and text in
 * order, so that the staff member changes it with plain inputs and buttons, never with JSON.
 */
public final class DraftForm {

    public final String procedure;
    public final List<DraftStep> steps = new ArrayList<>();
    public DraftText declaration = new DraftText();

    DraftForm(String procedure) {
        this.procedure = procedure;
    }

    public static final class DraftStep {
        public String name = "";
        public MessageSourceResolvable where;
        public String id = "";
        public DraftText title = new DraftText();
        public DraftText intro = new DraftText();
        public DraftCondition showIf = new DraftCondition();
        public final List<DraftStop> stops = new ArrayList<>();
        public final List<DraftField> fields = new ArrayList<>();
    }

    public static final class DraftStop {
        public String name = "";
        public MessageSourceResolvable where;
        public DraftCondition when = new DraftCondition();
        public DraftText message = new DraftText();
    }

    static DraftForm of(FormDefinition definition) {
        DraftForm form = new DraftForm(definition.procedure());
        for (Step step : definition.steps()) {
            DraftStep draft = new DraftStep();
            draft.id = step.id();
            draft.title = DraftText.of(step.title());
            draft.intro = DraftText.of(step.intro());
            draft.showIf = DraftCondition.of(step.showIf());
            for (Stop stop : step.stops()) {
                DraftStop s = new DraftStop();
                s.when = DraftCondition.of(stop.when());
                s.message = DraftText.of(stop.message());
                draft.stops.add(s);
            }
            step.fields().forEach(field -> draft.fields.add(DraftField.of(field)));
            form.steps.add(draft);
        }
        form.declaration = DraftText.of(definition.declaration());
        return form;
    }

    /** Gives every part its input name and its description in messages, from where it stands now. */
    DraftForm number() {
        for (int i = 0; i < steps.size(); i++) {
            DraftStep step = steps.get(i);
            step.name = "s" + i;
            step.where = EditorProblem.message("editor.where.step", i + 1, step.id);
            for (int n = 0; n < step.stops.size(); n++) {
                DraftStop stop = step.stops.get(n);
                stop.name = step.name + ".x" + n;
                stop.where = EditorProblem.message("editor.where.stop", i + 1, n + 1);
            }
            for (int j = 0; j < step.fields.size(); j++) {
                DraftField field = step.fields.get(j);
                field.number(step.name + ".f" + j, EditorProblem.message("editor.where.field", i + 1, j + 1, field.id));
                for (int k = 0; k < field.children.size(); k++) {
                    DraftField child = field.children.get(k);
                    child.number(field.name + ".c" + k, EditorProblem.message("editor.where.child", i + 1, j + 1, k + 1, child.id));
                }
            }
        }
        return this;
    }
}

package org.machi.procedures.bundles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machi.procedures.LifeEvent;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.FormRules;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.applying.StepReading;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;

/**
 * The life-event facts a bundle's forms share, as one step: each fact is the first field that
 * declares it, renamed after the fact (a group's children after theirs), so the engine's own
 * rendering and rules ask and check it. The facts are then read into each form through that form's
 * own fields, so a value one form would refuse is not filled into it (the form asks instead).
 */
final class SharedFacts {

    static final String STEP_ID = "facts";

    private SharedFacts() {
    }

    /**
     * The step that asks every fact the forms use, once, in the order the forms first ask them. A
     * fact that every form fills from the profile (the applicant's address) is asked only when the
     * event changes it (moving); otherwise each form shows what the city holds, as usual.
     */
    static Step step(List<FormDefinition> forms, LifeEvent event) {
        Map<String, Field> byFact = new LinkedHashMap<>();
        Set<String> notHeld = new LinkedHashSet<>();
        forms.forEach(form -> form.fields().filter(SharedFacts::holdsAFact).forEach(field -> {
            byFact.putIfAbsent(field.fact(), asFact(field));
            if (field.prefill() == null || event == LifeEvent.MOVING) {
                notHeld.add(field.fact());
            }
        }));
        return new Step(STEP_ID, null, null, null, null, byFact.values().stream().filter(f -> notHeld.contains(f.id())).toList());
    }

    /** A synthetic form of that step alone, for the engine's rules. */
    static FormDefinition form(Step step) {
        return new FormDefinition("bundle", List.of(step), null);
    }

    /** The answers of a form that the facts give, under the form's own field ids, and the fields they fill completely. */
    static Applying.Known fill(FormRules rules, Answers facts) {
        Map<String, String> answers = new LinkedHashMap<>();
        Set<String> fields = new LinkedHashSet<>();
        rules.form().fields().filter(SharedFacts::holdsAFact).forEach(field -> given(rules, field, facts).ifPresent(values -> {
            values.forEach((key, value) -> answers.put(field.id() + key.substring(field.fact().length()), value));
            fields.add(field.id());
        }));
        return new Applying.Known(renameChildren(rules.form(), answers), fields);
    }

    private static Optional<Map<String, String>> given(FormRules rules, Field field, Answers facts) {
        boolean answered = switch (field.type()) {
            case ADDRESS -> facts.get(field.fact() + ".line") != null;
            case GROUP -> facts.items(field.fact()) > 0;
            default -> facts.get(field.fact()) != null;
        };
        if (!answered) {
            return Optional.empty();
        }
        Step one = new Step(STEP_ID, null, null, null, null, List.of(asFact(field)));
        StepReading reading = rules.read(one, Answers.NONE, StepInput.of(facts), Set.of(), null, SiteLanguage.REFERENCE);
        return reading.valid() ? Optional.of(reading.changes()) : Optional.empty();
    }

    /** Group items were read under the children's fact names: back to the form's own child ids. */
    private static Map<String, String> renameChildren(FormDefinition form, Map<String, String> answers) {
        Map<String, String> renamed = new LinkedHashMap<>();
        answers.forEach((key, value) -> {
            int dot = key.indexOf("].");
            if (dot < 0) {
                renamed.put(key, value);
                return;
            }
            String group = key.substring(0, key.indexOf('['));
            String childFact = key.substring(dot + 2);
            String childId = form.field(group).flatMap(g -> g.fields().stream().filter(c -> childFact.equals(c.fact())).findFirst())
                    .map(Field::id).orElse(childFact);
            renamed.put(key.substring(0, dot + 2) + childId, value);
        });
        return renamed;
    }

    /**
     * A field that holds a fact; a group only when every child does, since a group shown as already
     * known could not ask for the rest.
     */
    private static boolean holdsAFact(Field field) {
        return field.fact() != null && (field.type() != FieldType.GROUP || field.fields().stream().allMatch(c -> c.fact() != null));
    }

    private static Field asFact(Field field) {
        List<Field> children = new ArrayList<>();
        field.fields().forEach(child -> children.add(renamed(child, child.fact(), List.of())));
        return renamed(field, field.fact(), children);
    }

    private static Field renamed(Field f, String id, List<Field> children) {
        return new Field(id, f.type(), f.label(), f.hint(), f.required(), null, f.prefill(), f.fact(), f.maxLength(), f.min(), f.max(),
                f.dates(), f.options(), f.outsideCity(), f.accept(), f.maxBytes(), children, f.minItems(), f.maxItems(), f.itemLabel());
    }
}

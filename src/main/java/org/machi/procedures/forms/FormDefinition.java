package org.machi.procedures.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The form of one procedure, as one version of it: steps of fields, and the declaration the
 * resident confirms on the check-your-answers page. {@link #problems()} lists what would make it a
 * form residents cannot complete or read, so a bad definition is refused before it is published.
 */
public record FormDefinition(String procedure, List<Step> steps, Text declaration, FeeRule fee) {

    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final int MAX_GROUP_ITEMS = 20;

    static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");
    static final Pattern OPTION_VALUE = Pattern.compile("[a-z0-9][a-zA-Z0-9_-]{0,39}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,60}");

    /** The life-event facts: the same name has the same type in every form (children: see {@link #CHILD_FACTS}). */
    static final Map<String, FieldType> FACTS = Map.of("moveDate", FieldType.DATE, "newAddress", FieldType.ADDRESS,
            "previousAddress", FieldType.ADDRESS, "children", FieldType.GROUP, "deceasedName", FieldType.TEXT,
            "dateOfDeath", FieldType.DATE, "disasterDate", FieldType.DATE, "damagedAddress", FieldType.ADDRESS);
    static final Map<String, FieldType> CHILD_FACTS = Map.of("childFamilyName", FieldType.TEXT, "childGivenName", FieldType.TEXT,
            "childNameKana", FieldType.KANA, "childBirthDate", FieldType.DATE);

    public FormDefinition {
        steps = List.copyOf(steps);
    }

    /** A form whose fee, if any, is the catalog's as it stands. */
    public FormDefinition(String procedure, List<Step> steps, Text declaration) {
        this(procedure, steps, declaration, null);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Every top-level field, in order (group children are inside their group). */
    public Stream<Field> fields() {
        return steps.stream().flatMap(s -> s.fields().stream());
    }

    public Optional<Field> field(String fieldId) {
        return fields().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** What is wrong with this definition, each naming where; empty for a form that can be published. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (procedure == null || !SLUG.matcher(procedure).matches()) {
            problems.add("procedure: a slug of lower-case letters, digits and dashes");
        }
        if (steps.isEmpty()) {
            problems.add("steps: a form has at least one step");
        }
        text(problems, "declaration", declaration, true);
        Set<String> stepIds = new HashSet<>();
        Set<String> allIds = new HashSet<>();
        // fields a condition may refer to, as they become known step by step
        Map<String, Field> earlier = new HashMap<>();
        for (Step step : steps) {
            String where = "step " + step.id();
            if (step.id() == null || !ID.matcher(step.id()).matches()) {
                problems.add(where + ": an id of letters and digits starting with a lower-case letter");
            } else if (!stepIds.add(step.id())) {
                problems.add(where + ": the id is used twice");
            }
            text(problems, where + " title", step.title(), true);
            text(problems, where + " intro", step.intro(), false);
            condition(problems, where + " showIf", step.showIf(), earlier);
            if (step.fields().isEmpty()) {
                problems.add(where + ": a step has at least one field");
            }
            for (Field field : step.fields()) {
                field(problems, where, field, allIds, earlier, false);
                earlier.put(field.id(), field);
            }
            for (int i = 0; i < step.stops().size(); i++) {
                Stop stop = step.stops().get(i);
                String at = where + " stop " + (i + 1);
                if (stop.when() == null) {
                    problems.add(at + ": a stop needs a condition");
                }
                condition(problems, at, stop.when(), earlier);
                text(problems, at + " message", stop.message(), true);
            }
        }
        fee(problems);
        return problems;
    }

    private void fee(List<String> problems) {
        if (fee instanceof FeeRule.PerCount perCount) {
            Optional<Field> count = field(perCount.count());
            if (count.isEmpty() || count.get().type() != FieldType.NUMBER) {
                problems.add("fee count: " + perCount.count() + " is not a NUMBER field of the form");
            }
        } else if (fee instanceof FeeRule.PerItem perItem) {
            Optional<Field> group = field(perItem.group()).filter(f -> f.type() == FieldType.GROUP);
            if (group.isEmpty()) {
                problems.add("fee group: " + perItem.group() + " is not a GROUP field of the form");
                return;
            }
            Optional<Field> count = group.get().fields().stream().filter(f -> f.id().equals(perItem.count())).findFirst();
            if (count.isEmpty() || count.get().type() != FieldType.NUMBER) {
                problems.add("fee count: " + perItem.count() + " is not a NUMBER field of group " + perItem.group());
            }
            Optional<Field> priceBy = group.get().fields().stream().filter(f -> f.id().equals(perItem.priceBy())).findFirst();
            if (priceBy.isEmpty() || priceBy.get().type() != FieldType.CHOICE) {
                problems.add("fee priceBy: " + perItem.priceBy() + " is not a CHOICE field of group " + perItem.group());
                return;
            }
            if (!priceBy.get().required() || count.isPresent() && !count.get().required()) {
                problems.add("fee: " + perItem.count() + " and " + perItem.priceBy() + " must be required, or an item has no price");
            }
            for (Option option : priceBy.get().options()) {
                Long yen = perItem.prices().get(option.value());
                if (yen == null || yen < 0) {
                    problems.add("fee prices: no price of zero yen or more for option " + option.value());
                }
            }
            perItem.prices().keySet().stream().filter(value -> priceBy.get().option(value).isEmpty())
                    .forEach(value -> problems.add("fee prices: " + value + " is not an option of " + perItem.priceBy()));
        }
    }

    private static void field(List<String> problems, String where, Field field, Set<String> allIds, Map<String, Field> earlier,
                              boolean child) {
        String at = where + " field " + field.id();
        if (field.id() == null || !ID.matcher(field.id()).matches()) {
            problems.add(at + ": an id of letters and digits starting with a lower-case letter");
        } else if (!allIds.add(field.id())) {
            problems.add(at + ": the id is used twice in the form");
        }
        if (field.type() == null) {
            problems.add(at + ": no type");
            return;
        }
        FieldType type = field.type();
        text(problems, at + " label", field.label(), true);
        text(problems, at + " hint", field.hint(), false);
        condition(problems, at + " showIf", field.showIf(), earlier);
        if (child && (type == FieldType.GROUP || type == FieldType.FILE)) {
            problems.add(at + ": a group holds no group or file field");
        }
        if (field.prefill() != null && !field.prefill().fits(type)) {
            problems.add(at + ": prefill " + field.prefill() + " does not fit a " + type + " field");
        }
        if (field.fact() != null) {
            Map<String, FieldType> facts = child ? CHILD_FACTS : FACTS;
            if (facts.get(field.fact()) != type) {
                problems.add(at + ": fact " + field.fact() + " is unknown here or of another type");
            }
        }
        if (field.maxLength() != null && (type.defaultMaxLength() == null || field.maxLength() < 1 || field.maxLength() > 10000)) {
            problems.add(at + ": maxLength is for TEXT, TEXTAREA and KANA, between 1 and 10000");
        }
        if ((field.min() != null || field.max() != null) && !type.hasRange()) {
            problems.add(at + ": min and max are for NUMBER and YEN");
        }
        if (field.min() != null && field.max() != null && field.min() > field.max()) {
            problems.add(at + ": min is above max");
        }
        if (field.dates() != null && type != FieldType.DATE) {
            problems.add(at + ": dates is for DATE");
        }
        if (field.digits() != null && (type != FieldType.TEXT || field.digits() < 1 || field.digits() > 30)) {
            problems.add(at + ": digits is for TEXT, between 1 and 30");
        }
        if (field.outsideCity() && type != FieldType.ADDRESS) {
            problems.add(at + ": outsideCity is for ADDRESS");
        }
        options(problems, at, field);
        file(problems, at, field);
        group(problems, at, field, allIds, earlier);
    }

    private static void options(List<String> problems, String at, Field field) {
        if (!field.type().hasOptions()) {
            if (!field.options().isEmpty()) {
                problems.add(at + ": options are for CHOICE and CHECKBOXES");
            }
            return;
        }
        if (field.options().size() < (field.type() == FieldType.CHOICE ? 2 : 1)) {
            problems.add(at + ": a CHOICE needs two options at least, CHECKBOXES one");
        }
        Set<String> values = new HashSet<>();
        for (Option option : field.options()) {
            if (option.value() == null || !OPTION_VALUE.matcher(option.value()).matches()) {
                problems.add(at + ": option value " + option.value() + " is not letters, digits, - and _");
            } else if (!values.add(option.value())) {
                problems.add(at + ": option " + option.value() + " twice");
            }
            text(problems, at + " option " + option.value(), option.label(), true);
        }
    }

    private static void file(List<String> problems, String at, Field field) {
        if (field.type() != FieldType.FILE) {
            if (!field.accept().isEmpty() || field.maxBytes() != null) {
                problems.add(at + ": accept and maxBytes are for FILE");
            }
            return;
        }
        if (field.accept().isEmpty()) {
            problems.add(at + ": a FILE field says which kinds it accepts");
        }
        if (field.maxBytes() == null || field.maxBytes() < 1 || field.maxBytes() > MAX_FILE_BYTES) {
            problems.add(at + ": maxBytes between 1 and " + MAX_FILE_BYTES + " (10 MiB)");
        }
    }

    private static void group(List<String> problems, String at, Field field, Set<String> allIds, Map<String, Field> earlier) {
        if (field.type() != FieldType.GROUP) {
            if (!field.fields().isEmpty() || field.minItems() != null || field.maxItems() != null || field.itemLabel() != null) {
                problems.add(at + ": fields, minItems, maxItems and itemLabel are for GROUP");
            }
            return;
        }
        if (field.fields().isEmpty()) {
            problems.add(at + ": a group has at least one field");
        }
        if (field.prefill() != null) {
            problems.add(at + ": a group is not prefilled");
        }
        text(problems, at + " itemLabel", field.itemLabel(), true);
        int min = field.effectiveMinItems();
        int max = field.effectiveMaxItems();
        if (min < 0 || max < 1 || min > max || max > MAX_GROUP_ITEMS) {
            problems.add(at + ": minItems and maxItems between 0 and " + MAX_GROUP_ITEMS + ", min not above max");
        }
        for (Field child : field.fields()) {
            field(problems, at, child, allIds, earlier, true);
        }
    }

    private static void condition(List<String> problems, String at, Condition condition, Map<String, Field> earlier) {
        if (condition == null) {
            return;
        }
        condition.fields().distinct().filter(id -> !earlier.containsKey(id))
                .forEach(id -> problems.add(at + ": refers to " + id + ", which is not a field asked earlier"));
        condition.comparisons().forEach(comparison -> {
            Field field = earlier.get(comparison.field());
            if (field != null && field.type().hasOptions() && field.option(comparison.value()).isEmpty()) {
                problems.add(at + ": " + comparison.value() + " is not an option of " + comparison.field());
            }
        });
    }

    private static void text(List<String> problems, String at, Text text, boolean required) {
        if (text == null) {
            if (required) {
                problems.add(at + ": missing");
            }
        } else if (!text.complete()) {
            problems.add(at + ": not in all nine languages");
        }
    }
}

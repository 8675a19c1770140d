package org.machi.procedures.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.FormRules;
import org.machi.procedures.applying.Problem;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.Option;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds what a step page and the check-your-answers page show from a form, the answers and any problems. */
@Component
class StepPages {

    private final MessageSource messages;

    StepPages(MessageSource messages) {
        this.messages = messages;
    }

    /** A check-your-answers row: the question, the answer as read, and the step to change it on. */
    record AnswerRow(String label, List<String> lines, String stepId, String fieldId, boolean prefilled) {
    }

    /**
     * The fields of a step. Values come from {@code posted} when the page is shown again with problems,
     * otherwise from the answers; prefilled fields are summary rows unless the resident asked to change one.
     */
    List<FieldView> fields(FormRules rules, Step step, Answers answers, StepInput posted, List<Problem> problems, Set<String> prefilled,
                           String change, Map<String, Integer> items, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), messages.getMessage(p.key(), p.args().toArray(), locale)));
        Function<String, String> value = posted != null ? posted::value : answers::get;
        Function<String, List<String>> values = posted != null ? posted::values
                : key -> answers.get(key) == null ? List.of() : Arrays.asList(answers.get(key).split(","));
        List<FieldView> views = new ArrayList<>();
        Answers working = answers;
        for (Field field : step.fields()) {
            if (!rules.holds(field.showIf(), working)) {
                continue;
            }
            boolean known = prefilled.contains(field.id()) && !field.id().equals(change) && answers.get(field.id() + (field.type()
                    == FieldType.ADDRESS ? ".line" : "")) != null && errors.keySet().stream().noneMatch(k -> k.startsWith(field.id()))
                    && (posted == null || posted.keptAsKnown(field.id()));
            views.add(view(field, field.id(), field.label().in(language), value, values, errors, known, answers, items, language, locale));
        }
        return views;
    }

    private FieldView view(Field field, String key, String label, Function<String, String> value, Function<String, List<String>> values,
                           Map<String, String> errors, boolean known, Answers answers, Map<String, Integer> items, SiteLanguage language,
                           Locale locale) {
        String hint = field.hint() == null ? null : field.hint().in(language);
        String autocomplete = field.prefill() == null ? "off" : field.prefill().autocomplete();
        List<FieldView.OptionView> options = new ArrayList<>();
        List<String> chosen = field.type() == FieldType.CHECKBOXES ? values.apply(key) : List.of(String.valueOf(value.apply(key)));
        for (int i = 0; i < field.options().size(); i++) {
            Option option = field.options().get(i);
            options.add(new FieldView.OptionView(option.value(), option.label().in(language), i == 0 ? key : key + "-" + i,
                    chosen.contains(option.value())));
        }
        FieldView.GroupView group = null;
        if (field.type() == FieldType.GROUP) {
            int count = items.getOrDefault(field.id(), Math.max(answers.items(field.id()), Math.max(field.effectiveMinItems(), 1)));
            String itemLabel = field.itemLabel() == null ? label : field.itemLabel().in(language);
            List<FieldView.ItemView> itemViews = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                List<FieldView> children = new ArrayList<>();
                for (Field child : field.fields()) {
                    String childKey = Answers.itemKey(field.id(), i, child.id());
                    children.add(view(child, childKey, child.label().in(language), value, values, errors, false, answers, items, language,
                            locale));
                }
                itemViews.add(new FieldView.ItemView(i, itemLabel + " " + (i + 1), children));
            }
            group = new FieldView.GroupView(itemLabel, count, count < field.effectiveMaxItems(), count > field.effectiveMinItems(),
                    itemViews);
        }
        String inputId = switch (field.type()) {
            case ADDRESS -> key + ".postcode";
            default -> key;
        };
        String knownValue = known ? String.join(" ", display(field, key, answers, language, locale)) : null;
        return new FieldView(key, field.type().name(), inputId, label, hint, field.required(), autocomplete, value.apply(key),
                value.apply(key + ".postcode"), value.apply(key + ".line"), options, known, knownValue, errors.get(key),
                errors.get(key + ".postcode"), errors.get(key + ".line"), field.effectiveMaxLength(), inputType(field.type()),
                inputMode(field.type()), group);
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> "text";
        };
    }

    private static String inputMode(FieldType type) {
        return switch (type) {
            case NUMBER, YEN -> "numeric";
            default -> null;
        };
    }

    /** Every answer of the shown steps and fields, as the check-your-answers page lists them. */
    List<AnswerRow> rows(FormRules rules, Answers answers, Set<String> prefilled, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<AnswerRow> rows = new ArrayList<>();
        for (Step step : rules.shownSteps(answers)) {
            for (Field field : step.fields()) {
                if (!rules.holds(field.showIf(), answers)) {
                    continue;
                }
                rows.add(new AnswerRow(field.label().in(language), display(field, field.id(), answers, language, locale), step.id(),
                        field.id(), prefilled.contains(field.id())));
            }
        }
        return rows;
    }

    /** An answer as a resident reads it: option labels, 〒 and the address, yen with separators, a group item per line. */
    List<String> display(Field field, String key, Answers answers, SiteLanguage language, Locale locale) {
        String value = answers.get(key);
        String none = messages.getMessage("apply.check.notAnswered", null, locale);
        return switch (field.type()) {
            case CHOICE -> List.of(value == null ? none : field.option(value).map(o -> o.label().in(language)).orElse(value));
            case CHECKBOXES -> value == null ? List.of(none) : Arrays.stream(value.split(","))
                    .map(v -> field.option(v).map(o -> o.label().in(language)).orElse(v)).toList();
            case ADDRESS -> answers.get(key + ".line") == null ? List.of(none)
                    : List.of("〒" + formatPostcode(answers.get(key + ".postcode")) + " " + answers.get(key + ".line"));
            case YEN -> List.of(value == null ? none : messages.getMessage("apply.check.yen",
                    new Object[] {NumberFormat.getIntegerInstance(Locale.JAPAN).format(Long.parseLong(value))}, locale));
            case FILE -> List.of(value == null ? none : messages.getMessage("apply.check.fileAttached", null, locale));
            case GROUP -> {
                List<String> lines = new ArrayList<>();
                String itemLabel = field.itemLabel() == null ? field.label().in(language) : field.itemLabel().in(language);
                for (int i = 0; i < answers.items(key); i++) {
                    List<String> parts = new ArrayList<>();
                    for (Field child : field.fields()) {
                        String childKey = Answers.itemKey(key, i, child.id());
                        parts.add(child.label().in(language) + ": " + String.join(" ", display(child, childKey, answers, language, locale)));
                    }
                    lines.add(itemLabel + " " + (i + 1) + " — " + String.join(", ", parts));
                }
                yield lines.isEmpty() ? List.of(none) : lines;
            }
            default -> List.of(value == null ? none : value);
        };
    }

    private static String formatPostcode(String postcode) {
        return postcode != null && postcode.length() == 7 ? postcode.substring(0, 3) + "-" + postcode.substring(3) : String.valueOf(postcode);
    }
}

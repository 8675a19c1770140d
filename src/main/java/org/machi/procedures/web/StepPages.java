package org.machi.procedures.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.procedures.AnswerLine;
import org.machi.procedures.applying.AttachmentIntake.FileInfo;
import org.machi.procedures.forms.values.PhoneValues;
import org.machi.procedures.forms.values.PostcodeValues;
import org.machi.procedures.forms.values.Wareki;
import org.machi.procedures.receipts.Receipt;
import java.util.function.Function;
import org.machi.procedures.applying.Answers;
import org.machi.procedures.applying.FeeDue;
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
public class StepPages {

    /** The day the date hint shows as its example. */
    static final LocalDate EXAMPLE_DATE = LocalDate.of(2025, 4, 1);

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
    /**
     * What the step page (procedures/apply-step) shows of one step of a draft, for residents' and the counter's
     * step pages alike: the step, its fields with the answers or what was posted, and where it stands among the shown steps.
     */
    public void stepModel(org.machi.procedures.applying.Draft draft, Step step, Answers answers, StepInput posted, List<Problem> problems,
                          String change, Map<String, Integer> items, Map<UUID, FileInfo> files, Locale locale,
                          org.springframework.ui.Model model) {
        SiteLanguage language = SiteLanguage.of(locale);
        model.addAttribute("step", step);
        model.addAttribute("stepTitle", step.title().in(language));
        model.addAttribute("stepIntro", step.intro() == null ? null : step.intro().in(language));
        model.addAttribute("fields", fields(draft.rules(), step, answers, posted, problems, draft.application().prefilled(), change,
                items, files, locale));
        model.addAttribute("problems", problems);
        model.addAttribute("multipart", step.fields().stream().anyMatch(f -> f.type() == FieldType.FILE));
        List<Step> shown = draft.rules().shownSteps(answers);
        int position = shown.indexOf(step);
        model.addAttribute("position", position + 1);
        model.addAttribute("steps", shown.size());
        model.addAttribute("previous", position > 0 ? shown.get(position - 1).id() : null);
    }

    public List<FieldView> fields(FormRules rules, Step step, Answers answers, StepInput posted, List<Problem> problems, Set<String> prefilled,
                                  String change, Map<String, Integer> items, Map<UUID, FileInfo> files, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), messages.getMessage(p.key(), p.args().toArray(), locale)));
        Function<String, String> value = posted != null ? posted::value : answers::get;
        Function<String, List<String>> values = posted != null ? posted::values
                : key -> answers.get(key) == null ? List.of() : Arrays.asList(answers.get(key).split(","));
        List<FieldView> views = new ArrayList<>();
        for (Field field : step.fields()) {
            if (!rules.holds(field.showIf(), answers)) {
                continue;
            }
            boolean known = prefilled.contains(field.id()) && !field.id().equals(change) && answers.get(field.id() + (field.type()
                    == FieldType.ADDRESS ? ".line" : "")) != null && errors.keySet().stream().noneMatch(k -> k.startsWith(field.id()))
                    && (posted == null || posted.keptAsKnown(field.id()));
            views.add(view(field, field.id(), field.label().in(language), value, values, errors, known, answers, items, files, language,
                    locale));
        }
        return views;
    }

    private FieldView view(Field field, String key, String label, Function<String, String> value, Function<String, List<String>> values,
                           Map<String, String> errors, boolean known, Answers answers, Map<String, Integer> items,
                           Map<UUID, FileInfo> files, SiteLanguage language, Locale locale) {
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
                    children.add(view(child, childKey, child.label().in(language), value, values, errors, false, answers, items, files,
                            language, locale));
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
        String knownValue = known ? String.join(" ", display(field, key, answers, files, language, locale)) : null;
        FieldView.FileView file = field.type() == FieldType.FILE ? fileView(answers.get(key), files, locale) : null;
        String hintExample = field.type() == FieldType.DATE ? messages.getMessage("apply.date.hint",
                new Object[] {Wareki.display(EXAMPLE_DATE, language), Wareki.abbreviated(EXAMPLE_DATE)}, locale) : null;
        return new FieldView(key, field.type().name(), inputId, label, hint, field.required(), autocomplete, value.apply(key),
                value.apply(key + ".postcode"), value.apply(key + ".line"), options, known, knownValue, errors.get(key),
                errors.get(key + ".postcode"), errors.get(key + ".line"), field.effectiveMaxLength(), inputType(field.type()),
                inputMode(field.type()), group, file, hintExample);
    }

    private FieldView.FileView fileView(String stored, Map<UUID, FileInfo> files, Locale locale) {
        FileInfo info = stored == null ? null : files.get(uuid(stored));
        return info == null ? null : new FieldView.FileView(info.filename(), size(info.size(), locale));
    }

    private String size(long bytes, Locale locale) {
        if (bytes < 1024 * 1024) {
            return messages.getMessage("apply.file.sizeKb", new Object[] {Math.max(1, Math.round(bytes / 1024.0))}, locale);
        }
        return messages.getMessage("apply.file.sizeMb", new Object[] {bytes / (1024.0 * 1024.0)}, locale);
    }

    private static UUID uuid(String stored) {
        try {
            return UUID.fromString(stored);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
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
    List<AnswerRow> rows(FormRules rules, Answers answers, Set<String> prefilled, Map<UUID, FileInfo> files, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<AnswerRow> rows = new ArrayList<>();
        for (Step step : rules.shownSteps(answers)) {
            for (Field field : step.fields()) {
                if (!rules.holds(field.showIf(), answers)) {
                    continue;
                }
                rows.add(new AnswerRow(field.label().in(language), display(field, field.id(), answers, files, language, locale), step.id(),
                        field.id(), prefilled.contains(field.id())));
            }
        }
        return rows;
    }

    /**
     * Every answer of the shown steps and fields with its step's title, as the check-your-answers page
     * shows them (for staff and the counter summary): the lines of one answer are joined by line breaks.
     */
    public List<AnswerLine> answerLines(FormRules rules, Answers answers, Map<UUID, FileInfo> files, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<AnswerLine> lines = new ArrayList<>();
        for (Step step : rules.shownSteps(answers)) {
            for (Field field : step.fields()) {
                if (rules.holds(field.showIf(), answers)) {
                    lines.add(new AnswerLine(step.title().in(language), field.label().in(language),
                            String.join("\n", display(field, field.id(), answers, files, language, locale))));
                }
            }
        }
        return lines;
    }

    /**
     * The answers for the PDF receipt: the shown fields that were answered, in the form's order; a
     * group item is a line of its own, "item 1: child: answer, ...".
     */
    List<Receipt.Line> receiptLines(FormRules rules, Answers answers, Map<UUID, FileInfo> files, Locale locale) {
        SiteLanguage language = SiteLanguage.of(locale);
        List<Receipt.Line> lines = new ArrayList<>();
        for (Step step : rules.shownSteps(answers)) {
            for (Field field : step.fields()) {
                if (!rules.holds(field.showIf(), answers) || !answered(field, field.id(), answers)) {
                    continue;
                }
                if (field.type() == FieldType.GROUP) {
                    String itemLabel = field.itemLabel() == null ? field.label().in(language) : field.itemLabel().in(language);
                    for (int i = 0; i < answers.items(field.id()); i++) {
                        lines.add(new Receipt.Line(itemLabel + " " + (i + 1), String.join(", ", item(field, i, answers, files, language,
                                locale))));
                    }
                } else {
                    lines.add(new Receipt.Line(field.label().in(language), String.join("\n",
                            display(field, field.id(), answers, files, language, locale))));
                }
            }
        }
        return lines;
    }

    private static boolean answered(Field field, String key, Answers answers) {
        return switch (field.type()) {
            case ADDRESS -> answers.get(key + ".line") != null;
            case GROUP -> answers.items(key) > 0;
            default -> answers.get(key) != null;
        };
    }

    private List<String> item(Field group, int index, Answers answers, Map<UUID, FileInfo> files, SiteLanguage language, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (Field child : group.fields()) {
            String childKey = Answers.itemKey(group.id(), index, child.id());
            if (answered(child, childKey, answers)) {
                parts.add(child.label().in(language) + ": " + String.join(" ", display(child, childKey, answers, files, language, locale)));
            }
        }
        return parts;
    }

    /**
     * An answer as a resident reads it: option labels, dates in the Western calendar with 和暦, 〒 and
     * the address, phone numbers with hyphens, yen with separators, the file's name, a group item per line.
     */
    List<String> display(Field field, String key, Answers answers, Map<UUID, FileInfo> files, SiteLanguage language, Locale locale) {
        String value = answers.get(key);
        String none = messages.getMessage("apply.check.notAnswered", null, locale);
        return switch (field.type()) {
            case CHOICE -> List.of(value == null ? none : field.option(value).map(o -> o.label().in(language)).orElse(value));
            case CHECKBOXES -> value == null ? List.of(none) : Arrays.stream(value.split(","))
                    .map(v -> field.option(v).map(o -> o.label().in(language)).orElse(v)).toList();
            case ADDRESS -> answers.get(key + ".line") == null ? List.of(none)
                    : List.of("〒" + formatPostcode(answers.get(key + ".postcode")) + " " + answers.get(key + ".line"));
            case YEN -> List.of(value == null ? none : yen(value, locale));
            case NUMBER -> List.of(value == null ? none : NumberFormat.getIntegerInstance(Locale.JAPAN).format(Long.parseLong(value)));
            case DATE -> List.of(value == null ? none : date(value, language));
            case PHONE -> List.of(value == null ? none : PhoneValues.display(value));
            case FILE -> List.of(value == null ? none : fileName(value, files, locale));
            case GROUP -> {
                List<String> lines = new ArrayList<>();
                String itemLabel = field.itemLabel() == null ? field.label().in(language) : field.itemLabel().in(language);
                for (int i = 0; i < answers.items(key); i++) {
                    lines.add(itemLabel + " " + (i + 1) + ": " + String.join(", ", item(field, i, answers, files, language, locale)));
                }
                yield lines.isEmpty() ? List.of(none) : lines;
            }
            default -> List.of(value == null ? none : value);
        };
    }

    /** The fee due as the check-your-answers page and the receipt say it: "900円（300円 × 3）". */
    String fee(FeeDue due, Locale locale) {
        String total = yen(due.yen(), locale);
        if (due.parts().size() == 1 && due.parts().get(0).count() == 1) {
            return total;
        }
        String parts = String.join(messages.getMessage("apply.fee.separator", null, locale), due.parts().stream()
                .map(part -> messages.getMessage("apply.fee.part", new Object[] {yen(part.unitYen(), locale), part.count()}, locale))
                .toList());
        return messages.getMessage("apply.fee.due", new Object[] {total, parts}, locale);
    }

    String yen(long amount, Locale locale) {
        return messages.getMessage("apply.check.yen", new Object[] {NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount)}, locale);
    }

    private String yen(String stored, Locale locale) {
        return yen(Long.parseLong(stored), locale);
    }

    private static String date(String stored, SiteLanguage language) {
        try {
            return Wareki.display(LocalDate.parse(stored), language);
        } catch (DateTimeParseException notIso) {
            return stored;
        }
    }

    private String fileName(String stored, Map<UUID, FileInfo> files, Locale locale) {
        FileInfo info = files.get(uuid(stored));
        return info == null ? messages.getMessage("apply.check.fileAttached", null, locale) : info.filename();
    }

    private static String formatPostcode(String postcode) {
        return postcode != null && postcode.length() == 7 ? PostcodeValues.display(postcode) : String.valueOf(postcode);
    }
}

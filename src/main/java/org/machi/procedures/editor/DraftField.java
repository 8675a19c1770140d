package org.machi.procedures.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.machi.procedures.forms.Field;
import org.machi.procedures.forms.FieldType;
import org.machi.procedures.forms.FileFormat;
import org.machi.procedures.forms.Option;
import org.springframework.context.MessageSourceResolvable;

/** A field being edited; numbers are kept as typed until the draft is read back into a form. */
public final class DraftField {

    public String name = "";
    public MessageSourceResolvable where;

    public String id = "";
    public String type = "TEXT";
    public DraftText label = new DraftText();
    public DraftText hint = new DraftText();
    public boolean required;
    public DraftCondition showIf = new DraftCondition();
    public String prefill = "";
    public String fact = "";
    public String maxLength = "";
    public String min = "";
    public String max = "";
    public String dates = "";
    public List<DraftOption> options = new ArrayList<>();
    public boolean outsideCity;
    public Set<String> accept = new LinkedHashSet<>();
    public String maxBytes = "";
    public List<DraftField> children = new ArrayList<>();
    public String minItems = "";
    public String maxItems = "";
    public DraftText itemLabel = new DraftText();

    public static final class DraftOption {
        public String name = "";
        public String value = "";
        public DraftText label = new DraftText();
    }

    static DraftField of(Field field) {
        DraftField draft = new DraftField();
        draft.id = field.id();
        draft.type = field.type().name();
        draft.label = DraftText.of(field.label());
        draft.hint = DraftText.of(field.hint());
        draft.required = field.required();
        draft.showIf = DraftCondition.of(field.showIf());
        draft.prefill = field.prefill() == null ? "" : field.prefill().name();
        draft.fact = field.fact() == null ? "" : field.fact();
        draft.maxLength = text(field.maxLength());
        draft.min = text(field.min());
        draft.max = text(field.max());
        draft.dates = field.dates() == null ? "" : field.dates().name();
        for (Option option : field.options()) {
            DraftOption o = new DraftOption();
            o.value = option.value();
            o.label = DraftText.of(option.label());
            draft.options.add(o);
        }
        draft.outsideCity = field.outsideCity();
        field.accept().stream().map(FileFormat::name).sorted().forEach(draft.accept::add);
        draft.maxBytes = text(field.maxBytes());
        field.fields().forEach(child -> draft.children.add(of(child)));
        draft.minItems = text(field.minItems());
        draft.maxItems = text(field.maxItems());
        draft.itemLabel = DraftText.of(field.itemLabel());
        return draft;
    }

    void number(String name, MessageSourceResolvable where) {
        this.name = name;
        this.where = where;
        for (int n = 0; n < options.size(); n++) {
            options.get(n).name = name + ".o" + n;
        }
    }

    /** The chosen type; TEXT while the posted one is none of the list (the reading refuses it). */
    public FieldType typeOrText() {
        for (FieldType known : FieldType.values()) {
            if (known.name().equals(type)) {
                return known;
            }
        }
        return FieldType.TEXT;
    }

    public boolean hasOptions() {
        return typeOrText().hasOptions();
    }

    public boolean hasLength() {
        return typeOrText().defaultMaxLength() != null;
    }

    public boolean hasRange() {
        return typeOrText().hasRange();
    }

    /** How many options the page shows, and so posts back. */
    public int optionCount() {
        return hasOptions() ? options.size() : 0;
    }

    public int childCount() {
        return isType("GROUP") ? children.size() : 0;
    }

    public boolean isType(String name) {
        return type.equals(name);
    }

    private static String text(Number number) {
        return number == null ? "" : number.toString();
    }
}

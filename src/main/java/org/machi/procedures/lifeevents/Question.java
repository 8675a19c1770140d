package org.machi.procedures.lifeevents;

import java.util.List;

/**
 * One question of a life-event questionnaire, shown as a fieldset with a legend.
 * A {@link Kind#CHOICE} is a radio group that must be answered, {@link Kind#FLAGS} a checkbox list
 * that may be left empty, and {@link Kind#COUNTS} a row of number inputs (one per option, each its
 * own request parameter, blank meaning 0, at most {@value #MAX_COUNT}).
 *
 * @param legendKey the message key of the question itself (the legend)
 * @param hint      whether a hint is shown under it ({@code legendKey + ".hint"})
 */
public record Question(String id, Kind kind, List<String> options, String legendKey, boolean hint) {

    public enum Kind { CHOICE, FLAGS, COUNTS }

    /** The most children of one age group a household is asked about; more is taken for a typing slip. */
    public static final int MAX_COUNT = 10;

    public Question {
        options = List.copyOf(options);
        if (!id.matches("[a-z][a-zA-Z0-9]*") || options.isEmpty()) {
            throw new IllegalArgumentException("a question needs a simple id and at least one option: " + id);
        }
    }

    static Question choice(String id, String... options) {
        return new Question(id, Kind.CHOICE, List.of(options), "lifeEvents.q." + id, false);
    }

    static Question flags(String id, String... options) {
        return new Question(id, Kind.FLAGS, List.of(options), "lifeEvents.q." + id, true);
    }

    static Question counts(String id, String legendKey, String... parts) {
        return new Question(id, Kind.COUNTS, List.of(parts), legendKey, true);
    }

    Question withHint() {
        return new Question(id, kind, options, legendKey, true);
    }

    /** The label of one option (a radio, a checkbox, or one number input of a COUNTS question). */
    public String optionKey(String option) {
        return "lifeEvents.q." + id + "." + option;
    }

    public String hintKey() {
        return legendKey + ".hint";
    }

    /** The id of the input an option is answered in; the error summary links to it. */
    public String inputId(String option) {
        return kind == Kind.COUNTS ? option : id + "-" + option;
    }

    /** The request parameter an option is sent in. */
    public String parameter(String option) {
        return kind == Kind.COUNTS ? option : id;
    }
}

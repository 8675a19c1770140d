package org.machi.procedures;

/**
 * One answer of an application as the check-your-answers page shows it: option labels, dates with
 * 和暦, 〒 and the address, phone numbers with hyphens, yen with separators, a file's name.
 *
 * @param step  the title of the step it was asked on, in the language asked for
 * @param label the question, in that language
 * @param value the answer; several lines (a group's items, ticked boxes) are joined by line breaks
 */
public record AnswerLine(String step, String label, String value) {
}

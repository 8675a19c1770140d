package org.machi.procedures;

import java.util.UUID;

/**
 * A counter draft of a session, for the counter's page (no answers: {@link Applications#answerLines} has them).
 *
 * @param title           the procedure's title in Japanese (the counter's language)
 * @param complete        every shown step answered: ready to be filed
 * @param fieldsPrefilled answered fields that still hold what the register gave
 * @param fieldsTyped     answered fields the clerk typed (including prefilled ones the clerk changed)
 * @param fillPath        where the clerk fills it: {@code /counter/applications/<id>}, which leads to the first step to answer
 */
public record CounterDraftView(UUID applicationId, String procedureSlug, String title, boolean complete, int fieldsPrefilled,
                               int fieldsTyped, String fillPath) {
}

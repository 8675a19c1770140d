package org.machi.procedures;

import java.util.UUID;

/**
 * A clerk starts filling a procedure for the resident at the counter ({@link Applications#startAtCounter}).
 *
 * @param procedureSlug  an online procedure with a form (a counter-only procedure has no form to fill)
 * @param counterSession the counter session the draft belongs to
 * @param clerk          the clerk's account reference ({@code account:<uuid>}); only they fill and file the draft
 * @param registerNumber the resident's register number; null for someone not (yet) in the register, such as a person moving in
 * @param facts          what the register holds of the resident, to fill the form with; null or {@link ApplicantFacts#NONE} for nothing
 * @param returnPath     the counter's page (a path on this site, such as {@code /counter/sessions/<id>}) that the last step page links back to
 */
public record CounterStart(String procedureSlug, UUID counterSession, String clerk, String registerNumber, ApplicantFacts facts,
                           String returnPath) {
}

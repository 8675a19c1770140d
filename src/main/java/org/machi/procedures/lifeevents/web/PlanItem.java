package org.machi.procedures.lifeevents.web;

import org.machi.procedures.ProcedureView;
import org.machi.procedures.lifeevents.PlannedProcedure;

/**
 * A planned procedure with the catalog's texts in the reader's language.
 *
 * @param cardWouldHelp offered online, but only with sign-in by My Number Card, which the resident said they do not have
 */
record PlanItem(PlannedProcedure planned, ProcedureView procedure, boolean cardWouldHelp) {
}

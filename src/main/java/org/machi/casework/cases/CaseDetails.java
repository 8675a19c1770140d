package org.machi.casework.cases;

import java.util.List;
import java.util.Set;

/**
 * A case as its department's clerks see it: the case, whether it is overdue, the actions a clerk
 * may take now, its whole history, the internal notes and the requests for information with their
 * replies. The application's answers are not here: they come from the procedures module
 * ({@code Applications.read}) with a purpose, audited there.
 */
public record CaseDetails(org.machi.casework.CaseView caseFile, CaseSummary summary, Set<CaseAction> possibleActions,
                          List<HistoryEntry> history, List<NoteView> notes, List<RequestView> requests) {
}

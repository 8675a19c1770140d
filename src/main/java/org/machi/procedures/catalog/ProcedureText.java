package org.machi.procedures.catalog;

import java.util.List;

/**
 * A procedure's texts in one language, as the seed file and the database hold them. The notes are
 * optional, but a note the Japanese reference has must be there in every language.
 */
public record ProcedureText(String title, String summary, String whoMayApply, String proxies, List<String> documents,
                            String feeNote, String processingNote, String counterOnlyReason) {
}

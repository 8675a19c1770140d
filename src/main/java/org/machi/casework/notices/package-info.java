/**
 * Decision notices (決定通知書): {@link org.machi.casework.notices.DecisionNoticePdf} writes one
 * from a procedure's template under {@code src/main/resources/casework/notices/} with the shared
 * PDF parts of {@link org.machi.shared.pdf}.
 */
package org.machi.casework.notices;

/**
 * Online procedures (手続). This first part is the catalog (手続一覧): every procedure of the city
 * with who may apply, the documents, fee, processing-time target, the identity assurance an online
 * application needs and the department that handles it, browsable by life event, department and
 * keyword, as pages and JSON. Other modules read it through {@link org.machi.procedures.Procedures}.
 * On it build forms as data ({@code forms}: versioned definitions, seeded from
 * {@code procedures/forms/<slug>.json}) and applying online ({@code applying}: drafts filled from
 * what the city holds, step pages, one submit, My procedures), which announces
 * {@link org.machi.procedures.ApplicationSubmitted} and {@link org.machi.procedures.ApplicationWithdrawn} (ADR 0004).
 * Casework and the counter use {@link org.machi.procedures.Applications}: staff reads of what was
 * sent (each in the audit trail with its purpose), files of a reply to a case, and applying at the
 * counter (書かない窓口), where a clerk fills drafts for a resident on the same step pages and files them
 * together as channel COUNTER. The case's progress comes back through the shared port
 * {@link org.machi.shared.CaseProgress}, when casework runs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures", allowedDependencies = {"shared", "shared :: pdf", "identity", "audit"})
package org.machi.procedures;

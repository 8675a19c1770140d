/**
 * Printed documents as PDF, shared by every module that prints one (receipts, decision notices,
 * counter summaries): the embedded fonts ({@link org.machi.shared.pdf.PdfFonts}, shipped under
 * {@code src/main/resources/fonts} with their licences), line breaking for Japanese and spaced
 * scripts ({@link org.machi.shared.pdf.LineWrapper}) and a cursor that writes wrapped text down A4
 * pages with footers ({@link org.machi.shared.pdf.PageWriter}). What a document says stays with the
 * module that prints it.
 */
@org.springframework.modulith.NamedInterface("pdf")
package org.machi.shared.pdf;

/**
 * Receipts of applications: the receipt number (受付番号, {@link org.machi.procedures.receipts.ReceiptNumber},
 * drawn by {@link org.machi.procedures.receipts.ReceiptNumbers}) and the PDF receipt (受付控え,
 * {@link org.machi.procedures.receipts.ReceiptPdf}), written with the shared document fonts and
 * page writer of {@link org.machi.shared.pdf}.
 */
package org.machi.procedures.receipts;

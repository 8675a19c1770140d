/**
 * Receipts of applications: the receipt number (受付番号, {@link org.machi.procedures.receipts.ReceiptNumber},
 * drawn by {@link org.machi.procedures.receipts.ReceiptNumbers}) and the PDF receipt (受付控え,
 * {@link org.machi.procedures.receipts.ReceiptPdf}) with embedded fonts shipped under
 * {@code src/main/resources/fonts} with their licences.
 */
package org.machi.procedures.receipts;

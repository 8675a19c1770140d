package org.machi.procedures.applying;

/** Where a submitted application's receipt number (受付番号) comes from; called once per submit, inside its transaction. */
public interface ReceiptNumbers {

    String next();
}

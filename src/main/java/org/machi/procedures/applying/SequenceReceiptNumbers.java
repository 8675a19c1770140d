package org.machi.procedures.applying;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Receipt numbers drawn from {@code procedures.receipt_number_seq}, ten digits. Stands until the
 * receipts module's numbers (with a check digit) replace this bean.
 */
@Component
class SequenceReceiptNumbers implements ReceiptNumbers {

    private final JdbcClient jdbc;

    SequenceReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next() {
        long value = jdbc.sql("SELECT nextval('procedures.receipt_number_seq')").query(Long.class).single();
        return String.format("%010d", value);
    }
}

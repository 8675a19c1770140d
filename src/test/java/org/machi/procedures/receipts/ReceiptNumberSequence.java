package org.machi.procedures.receipts;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the receipt-number tests check on each database. */
final class ReceiptNumberSequence {

    private ReceiptNumberSequence() {
    }

    /** The sequence comes with the engine's migration; until it is there, the tests make it the same way. */
    static void ensure(JdbcClient jdbc) {
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS procedures.receipt_number_seq").update();
    }

    static void numbersAreValidDistinctAndDatedInTheCity(ReceiptNumbers numbers) {
        Set<Long> sequences = new HashSet<>();
        ReceiptNumber previous = null;
        for (int i = 0; i < 50; i++) {
            ReceiptNumber number = numbers.next(Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(ReceiptNumber.isValid(number.toString())).isTrue();
            assertThat(number.year()).isEqualTo(2026);
            assertThat(sequences.add(number.sequence())).isTrue();
            if (previous != null) {
                assertThat(number.sequence()).isGreaterThan(previous.sequence());
            }
            previous = number;
        }
        // 00:30 on New Year's Day in Japan is still the old year in UTC: the city's calendar decides
        assertThat(numbers.next(Instant.parse("2026-12-31T15:30:00Z")).year()).isEqualTo(2027);
    }
}

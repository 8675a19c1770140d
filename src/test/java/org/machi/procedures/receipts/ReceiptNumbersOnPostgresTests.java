package org.machi.procedures.receipts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The same statement draws receipt numbers on PostgreSQL as in production. */
@RequiresPostgres
class ReceiptNumbersOnPostgresTests extends OnPostgres {

    @Autowired
    ReceiptNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void sequence() {
        ReceiptNumberSequence.ensure(jdbc);
    }

    @Test
    void numbersComeFromTheSequence() {
        ReceiptNumberSequence.numbersAreValidDistinctAndDatedInTheCity(numbers);
    }
}

package org.machi.procedures.receipts;

import java.time.Instant;
import org.machi.shared.CityProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Draws receipt numbers from the database sequence {@code procedures.receipt_number_seq}, so that
 * every node of a cluster hands out distinct numbers without coordination. A number drawn for a
 * submission that is then rolled back is simply never used: gaps are harmless, repeats impossible.
 */
@Component
public class ReceiptNumbers {

    // nextval('schema.name') is PostgreSQL's form; H2 accepts it in PostgreSQL mode, as Machi runs it
    static final String NEXT = "SELECT nextval('procedures.receipt_number_seq')";

    private final JdbcClient jdbc;
    private final CityProfile city;

    public ReceiptNumbers(JdbcClient jdbc, CityProfile city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    /** A new number for an application submitted at {@code submittedAt}; its year is the city's calendar year then. */
    public ReceiptNumber next(Instant submittedAt) {
        long sequence = jdbc.sql(NEXT).query(Long.class).single();
        return new ReceiptNumber(submittedAt.atZone(city.timeZone()).getYear(), sequence);
    }
}

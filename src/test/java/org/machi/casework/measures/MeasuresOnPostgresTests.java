package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.machi.testing.RequiresPostgres;
import org.machi.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The measures' reading of the casework tables on PostgreSQL, the production database: the same rows, the same figures. */
@RequiresPostgres
class MeasuresOnPostgresTests {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void theCasesAndSessionsOfAPeriodAreReadAsOnTheEmbeddedDatabase() {
        var database = new DriverManagerDataSource(TestPostgres.anotherDatabaseUrl(), TestPostgres.user(), TestPostgres.password());
        Flyway.configure().dataSource(database).locations("classpath:db/migration/casework").schemas("casework")
                .table("flyway_schema_history_casework").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        March2019Cases.insertOnce(jdbc);
        MeasuredCases cases = new MeasuredCases(jdbc);
        MonthRange march = new MonthRange(YearMonth.of(2019, 3), YearMonth.of(2019, 3));

        List<CaseFacts> all = cases.submittedBetween(march.start(TOKYO), march.end(TOKYO), null);
        assertThat(all).extracting(CaseFacts::procedureSlug).containsExactlyInAnyOrder("juminhyo", "juminhyo", "juminhyo", "juminhyo", "sodai-gomi");
        assertThat(all.stream().mapToInt(CaseFacts::informationRequests).sum()).isEqualTo(3);
        assertThat(all.stream().filter(CaseFacts::counter).count()).isEqualTo(1);
        assertThat(cases.submittedBetween(march.start(TOKYO), march.end(TOKYO), Set.of("sodai-gomi", "no-such")))
                .extracting(CaseFacts::procedureSlug).containsExactly("sodai-gomi");
        assertThat(cases.submittedBetween(march.start(TOKYO), march.end(TOKYO), Set.of())).isEmpty();

        MeasuresCalculator calculator = new MeasuresCalculator(TOKYO);
        ProcedureMonth total = calculator.byMonth(all).get(0);
        assertThat(total.applications()).isEqualTo(5);
        assertThat(total.medianProcessing()).isEqualTo(Duration.ofDays(2));
        assertThat(total.p90Processing()).isEqualTo(Duration.ofMinutes(6336));

        List<CounterSessionFacts> sessions = cases.counterSessionsFiledBetween(march.start(TOKYO), march.end(TOKYO));
        assertThat(sessions).hasSize(2);
        assertThat(sessions).anySatisfy(s -> assertThat(s.procedures()).containsExactly("sodai-gomi", "inu-toroku"));
        CounterMonth counter = calculator.counterByMonth(sessions).get(0);
        assertThat(counter.medianToSubmit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(counter.fieldsPrefilled()).isEqualTo(20);
    }
}

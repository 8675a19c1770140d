package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The register on PostgreSQL, as production runs it: no synthetic register at the first start,
 * a bad file refused whole, the look-ups, and a re-import as a new snapshot.
 */
@RequiresPostgres
class RegisterOnPostgresTests extends OnPostgres {

    @Autowired
    RegisterImports imports;

    @Autowired
    ResidentRegister register;

    @Test
    void importsLooksUpAndReimportsOnPostgres() {
        // only the seed imports as "system"; other tests on this database import as someone else
        assertThat(imports.latest(10)).as("production starts without a register").noneMatch(s -> s.importedBy().equals("system"));

        RegisterCsv bad = RegisterCsv.threeHouseholds()
                .person("1000000006", "2000000004", "二重", "世帯主", "ニジュウ", "セタイヌシ", "1990-01-01", "M", "2430018", "中町1-1-1", "atsugi-minami", "世帯主", true, "")
                .person("1000000007", "2000000004", "二重", "世帯主", "ニジュウ", "セタイヌシ", "1990-01-01", "M", "2430018", "中町1-1-1", "atsugi-minami", "世帯主", true, "");
        ImportResult.Refused refused = (ImportResult.Refused) imports.importCsv(bad.stream(), "account:test");
        assertThat(refused.problems()).extracting(RowProblem::line, RowProblem::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, "casework.register.problem.heads"));
        assertThat(register.byNumber("1000000001")).isEmpty();

        RegisterSnapshot first = ((ImportResult.Imported) imports.importCsv(RegisterCsv.threeHouseholds().stream(), "account:test")).snapshot();
        RegisterLookups.check(register);

        RegisterCsv moved = RegisterCsv.threeHouseholds().line(
                "1000000011,2000000011,転入,太郎,テンニュウ,タロウ,1999-12-31,M,2430014,旭町5-5-5,atsugi-minami,世帯主,1,");
        RegisterSnapshot second = ((ImportResult.Imported) imports.importCsv(moved.stream(), "account:test")).snapshot();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second).extracting(RegisterSnapshot::added, RegisterSnapshot::changed, RegisterSnapshot::removed).containsExactly(1, 0, 0);
        assertThat(register.byNameAndBirthDate("てんにゅう", "たろう", java.time.LocalDate.of(1999, 12, 31)))
                .extracting(RegisteredPerson::registerNumber).containsExactly("1000000011");
        RegisterLookups.check(register);
    }
}

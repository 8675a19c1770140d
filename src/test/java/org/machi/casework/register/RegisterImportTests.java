package org.machi.casework.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.casework.RegisteredHousehold;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.ResidentRegister;
import org.machi.testing.MachiWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing register extracts on the embedded database: a bad file is refused whole with its
 * lines, a good one becomes the current snapshot, a second one replaces it with its changes
 * counted, and the look-ups find people by number, name (kanji or kana) and birth date, address
 * and household. The shared context starts with the synthetic register; each test puts it back.
 */
@MachiWebTest
class RegisterImportTests {

    @Autowired
    RegisterImports imports;

    @Autowired
    ResidentRegister register;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheSyntheticRegisterBack() throws IOException {
        RegisterTesting.restoreSyntheticRegister(imports);
    }

    @Test
    void theEmbeddedDefaultStartsWithTheSyntheticRegister() {
        RegisterSnapshot current = imports.current().orElseThrow();
        assertThat(current.people()).isBetween(4000, 7000);
        assertThat(current.households()).isEqualTo(SyntheticRegister.SHIPPED_HOUSEHOLDS);
        RegisteredPerson first = register.byNumber("9000000001").orElseThrow();
        assertThat(first.head()).isTrue();
        assertThat(first.postcode()).matches("243[0-9]{4}");
        assertThat(register.household(first.householdNumber())).get().extracting(RegisteredHousehold::headRegisterNumber)
                .isEqualTo("9000000001");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeWithTheirLines() {
        Optional<RegisterSnapshot> before = imports.current();
        RegisterCsv csv = RegisterCsv.threeHouseholds()
                .person("1000000006", "2000000004", "不正", "日付", "フセイ", "ヒヅケ", "1990-02-30", "M", "2430018", "中町1-1-1", "atsugi-minami", "世帯主", true, "")
                .person("1000000001", "2000000005", "重複", "番号", "ジュウフク", "バンゴウ", "1990-01-01", "M", "2430018", "中町1-1-2", "atsugi-minami", "世帯主", true, "")
                .person("1000000008", "2000000006", "二人", "目", "フタリ", "メ", "1990-01-01", "X", "2430018", "中町1-1-3", "nowhere", "世帯主", true, "")
                .line("1000000009,2000000007,短い行");
        ImportResult result = imports.importCsv(csv.stream(), "account:test");

        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        ImportResult.Refused refused = (ImportResult.Refused) result;
        assertThat(refused.problems()).extracting(RowProblem::line, RowProblem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "casework.register.problem.birthDate"),
                org.assertj.core.groups.Tuple.tuple(8, "casework.register.problem.duplicate"),
                org.assertj.core.groups.Tuple.tuple(9, "casework.register.problem.sex"),
                org.assertj.core.groups.Tuple.tuple(9, "casework.register.problem.district"),
                org.assertj.core.groups.Tuple.tuple(10, "casework.register.problem.columns"));
        assertThat(refused.problems().get(1).args()).containsExactly(2);
        assertThat(refused.problemCount()).isEqualTo(5);
        // nothing imported: the same snapshot, none of the good rows
        assertThat(imports.current()).isEqualTo(before);
        assertThat(register.byNumber("1000000004")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.register_snapshot WHERE people = 0").query(Integer.class).single()).isZero();
        assertThat(audit.latest(5)).extracting(AuditEntry::action).contains("casework.register.import-refused");
    }

    @Test
    void aHouseholdNeedsExactlyOneHeadAndAProxyAKnownHousehold() {
        RegisterCsv csv = new RegisterCsv()
                .person("1000000001", "2000000001", "架空", "一郎", "カクウ", "イチロウ", "1980-05-06", "M", "2430018", "中町3-17-17", "atsugi-minami", "世帯主", true, "")
                .person("1000000002", "2000000001", "架空", "二郎", "カクウ", "ジロウ", "1982-05-06", "M", "2430018", "中町3-17-17", "atsugi-minami", "世帯主", true, "")
                .person("1000000003", "2000000002", "架空", "三郎", "カクウ", "サブロウ", "1984-05-06", "M", "2430018", "中町3-17-18", "atsugi-minami", "子", false, "")
                .person("1000000004", "2000000003", "架空", "四郎", "カクウ", "シロウ", "1986-05-06", "M", "2430018", "中町3-17-19", "atsugi-minami", "世帯主", true, "2000000009");
        ImportResult.Refused refused = (ImportResult.Refused) imports.importCsv(csv.stream(), "account:test");
        assertThat(refused.problems()).extracting(RowProblem::line, RowProblem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "casework.register.problem.heads"),
                org.assertj.core.groups.Tuple.tuple(4, "casework.register.problem.heads"),
                org.assertj.core.groups.Tuple.tuple(5, "casework.register.problem.proxyUnknown"));
        assertThat(refused.problems().get(0).args()).containsExactly(2);
        assertThat(refused.problems().get(1).args()).containsExactly(0);
    }

    @Test
    void aMyNumberAnywhereRefusesTheFileWithoutRepeatingIt() {
        String myNumber = "123456789018";
        assertThat(org.machi.shared.IndividualNumbers.isValid(myNumber)).isTrue();
        RegisterCsv csv = RegisterCsv.threeHouseholds()
                .person("1000000006", "2000000004", "番号", "入り", "バンゴウ", "イリ", "1990-01-01", "M", "2430018", "中町1-1-1 " + myNumber, "atsugi-minami", "世帯主", true, "");
        ImportResult.Refused refused = (ImportResult.Refused) imports.importCsv(csv.stream(), "account:test");
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.key()).isEqualTo("casework.register.problem.myNumber");
            assertThat(problem.args()).containsExactly(10);
        });
        assertThat(register.byNumber("1000000001")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.register_person WHERE address_sealed LIKE ? OR name_sealed LIKE ?")
                .param("%" + myNumber + "%").param("%" + myNumber + "%").query(Integer.class).single()).isZero();
        assertThat(audit.latest(5)).extracting(AuditEntry::detail).noneMatch(d -> d != null && d.contains(myNumber));
    }

    @Test
    void badFilesAsAWholeAreRefusedToo() {
        assertThat(refusal(new byte[0])).containsExactly("casework.register.problem.empty");
        assertThat(refusal(RegisterCsv.HEADER.getBytes())).containsExactly("casework.register.problem.noRows");
        assertThat(refusal("register_number,name\n1,a\n".getBytes())).contains("casework.register.problem.header.unknown",
                "casework.register.problem.header.missing");
        byte[] shiftJis = RegisterCsv.threeHouseholds().text().getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        assertThat(refusal(shiftJis)).containsExactly("casework.register.problem.encoding");
    }

    private List<String> refusal(byte[] file) {
        ImportResult result = imports.importCsv(new java.io.ByteArrayInputStream(file), "account:test");
        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        return ((ImportResult.Refused) result).problems().stream().map(RowProblem::key).distinct().toList();
    }

    @Test
    void aGoodFileBecomesTheCurrentSnapshotAndIsLookedUpEveryWay() {
        ImportResult result = imports.importCsv(RegisterCsv.threeHouseholds().stream(), "account:test");
        RegisterSnapshot snapshot = ((ImportResult.Imported) result).snapshot();
        assertThat(snapshot.people()).isEqualTo(5);
        assertThat(snapshot.households()).isEqualTo(3);
        assertThat(imports.current()).contains(snapshot);
        RegisterLookups.check(register);
        // the synthetic register's people are gone with its snapshot
        assertThat(register.byNumber("9000000001")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM casework.register_person").query(Integer.class).single()).isEqualTo(5);
        assertThat(audit.latest(5)).filteredOn(e -> e.action().equals("casework.register.imported")).first()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("account:test");
                    assertThat(e.detail()).contains("5 people, 3 households").doesNotContain("架空");
                });
    }

    @Test
    void aSecondImportIsANewSnapshotWithItsChangesCounted() {
        RegisterSnapshot first = ((ImportResult.Imported) imports.importCsv(RegisterCsv.threeHouseholds().stream(), "account:test")).snapshot();
        RegisterCsv changed = new RegisterCsv()
                // the 架空 family moved to 旭町; their child left (removed); a baby was born (added)
                .person("1000000001", "2000000001", "架空", "一郎", "カクウ", "イチロウ", "1980-05-06", "M", "2430014", "旭町1-2-3", "atsugi-minami", "世帯主", true, "")
                .person("1000000002", "2000000001", "架空", "花子", "カクウ", "ハナコ", "1982-11-23", "F", "2430014", "旭町1-2-3", "atsugi-minami", "妻", false, "")
                .person("1000000010", "2000000001", "架空", "湊", "カクウ", "ミナト", "2026-01-15", "M", "2430014", "旭町1-2-3", "atsugi-minami", "子", false, "")
                .person("1000000004", "2000000002", "見本", "トメ", "ミホン", "トメ", "1938-02-11", "F", "2430201", "上荻野1234", "ogino", "世帯主", true, "")
                .person("1000000005", "2000000003", "見本", "健一", "ミホン", "ケンイチ", "1965-09-30", "M", "2430122", "森の里1-2-3 メゾンさくら101", "morinosato", "世帯主", true, "2000000002");
        RegisterSnapshot second = ((ImportResult.Imported) imports.importCsv(changed.stream(), "account:test")).snapshot();

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.added()).isEqualTo(1);
        assertThat(second.changed()).isEqualTo(2);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(imports.current()).contains(second);
        assertThat(imports.latest(2)).extracting(RegisterSnapshot::id).containsExactly(second.id(), first.id());
        assertThat(register.byNumber("1000000001")).get().extracting(RegisteredPerson::addressLine).isEqualTo("旭町1-2-3");
        assertThat(register.byNumber("1000000003")).isEmpty();
        assertThat(register.byAddress("243-0018", "中町3-17-17")).isEmpty();
        assertThat(register.byAddress("2430014", "旭町1丁目2番3号")).extracting(RegisteredPerson::registerNumber)
                .containsExactly("1000000001", "1000000002", "1000000010");
        // the same file again: a new snapshot, nothing changed
        RegisterSnapshot third = ((ImportResult.Imported) imports.importCsv(changed.stream(), "account:test")).snapshot();
        assertThat(third).extracting(RegisterSnapshot::added, RegisterSnapshot::changed, RegisterSnapshot::removed).containsExactly(0, 0, 0);
    }

    /** Puts the shipped synthetic register back as the current one, for the tests that share this context. */
    static final class RegisterTesting {
        static void restoreSyntheticRegister(RegisterImports imports) throws IOException {
            if (imports.current().map(s -> s.households() == SyntheticRegister.SHIPPED_HOUSEHOLDS && s.importedBy().equals("system")).orElse(false)) {
                return;
            }
            try (InputStream in = new ClassPathResource("casework/register/synthetic-register.csv").getInputStream()) {
                assertThat(imports.importCsv(in, "system")).isInstanceOf(ImportResult.Imported.class);
            }
        }
    }
}

package org.machi.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditTrail;
import org.machi.casework.CaseState;
import org.machi.casework.CaseView;
import org.machi.casework.RegisteredHousehold;
import org.machi.casework.RegisteredPerson;
import org.machi.casework.register.ImportResult;
import org.machi.casework.register.RegisterImports;
import org.machi.identity.Assurance;
import org.machi.identity.StaffRole;
import org.machi.identity.account.Account;
import org.machi.identity.account.AccountKind;
import org.machi.identity.account.Accounts;
import org.machi.identity.account.StaffAccounts;
import org.machi.identity.account.StaffDetails;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.Applications;
import org.machi.procedures.CounterStart;
import org.machi.procedures.CounterSubmission;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.CounterApplying;
import org.machi.procedures.applying.Draft;
import org.machi.procedures.applying.StepInput;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;
import org.machi.testing.OnPostgres;
import org.machi.testing.RequiresPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL, with the city's real kyufukin form: the household checks of a benefit paid once
 * per household. An online application by the household's head and one filed for the same
 * household at the counter: the second is caught and held for review with the first one's
 * receipt number, and cannot be approved until a clerk releases the hold with a reason. An
 * applicant the register does not know, and one who is not the head, are held too; nobody crashes.
 * The register is the module's own store, fed by importing an extract.
 */
@RequiresPostgres
@TestPropertySource(properties = "machi.procedures.forms=classpath:procedures/forms/")
class HouseholdChecksOnPostgresTests extends OnPostgres {

    /** The register extract the tests import (fictional people): four households, one with a registered proxy. */
    static final class Register {

        static final RegisteredPerson HEAD = person("1000000011", "2000000001", "架空", "一郎", "カクウ", "イチロウ",
                LocalDate.of(1970, 1, 1), "世帯主", true);
        static final RegisteredPerson SPOUSE = person("1000000029", "2000000001", "架空", "花子", "カクウ", "ハナコ",
                LocalDate.of(1972, 2, 2), "妻", false);
        static final RegisteredPerson LODGER = person("1000000037", "2000000002", "見本", "次郎", "ミホン", "ジロウ",
                LocalDate.of(1980, 3, 3), "同居人", false);
        static final RegisteredPerson LODGERS_HEAD = person("1000000045", "2000000002", "見本", "三郎", "ミホン", "サブロウ",
                LocalDate.of(1950, 4, 4), "世帯主", true);
        static final RegisteredPerson PROXY = person("1000000053", "2000000003", "試験", "四郎", "シケン", "シロウ",
                LocalDate.of(1960, 5, 5), "子", false);
        static final RegisteredPerson PROXYS_HEAD = person("1000000061", "2000000003", "試験", "五郎", "シケン", "ゴロウ",
                LocalDate.of(1935, 6, 6), "世帯主", true);
        static final RegisteredPerson RACER = person("1000000079", "2000000004", "仮名", "六郎", "カメイ", "ロクロウ",
                LocalDate.of(1975, 7, 7), "世帯主", true);

        static final List<RegisteredPerson> PEOPLE = List.of(HEAD, SPOUSE, LODGER, LODGERS_HEAD, PROXY, PROXYS_HEAD, RACER);

        static RegisteredPerson person(String number, String household, String family, String given, String familyKana,
                                       String givenKana, LocalDate birth, String relationship, boolean head) {
            return new RegisteredPerson(number, household, family, given, familyKana, givenKana, birth, "M", "2430021", "岡田1-2-3",
                    "atsugi-minami", relationship, head);
        }

        static byte[] extract() {
            StringBuilder csv = new StringBuilder("register_number,household_number,family_name,given_name,family_name_kana,"
                    + "given_name_kana,birth_date,sex,postcode,address_line,district,relationship,head,proxy_for\r\n");
            for (RegisteredPerson p : PEOPLE) {
                csv.append(String.join(",", p.registerNumber(), p.householdNumber(), p.familyName(), p.givenName(), p.familyNameKana(),
                        p.givenNameKana(), p.birthDate().toString(), p.sex(), p.postcode(), p.addressLine(), p.district(),
                        p.relationship(), p.head() ? "1" : "0", p == PROXY ? PROXYS_HEAD.householdNumber() : "")).append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Autowired
    RegisterImports imports;

    @BeforeEach
    void registerImported() {
        // import this extract unless it is the current register already
        if (!register.byNumber(Register.HEAD.registerNumber()).filter(Register.HEAD::equals).isPresent()) {
            ImportResult result = imports.importCsv(new ByteArrayInputStream(Register.extract()), "test-setup");
            assertThat(result).as(result.toString()).isInstanceOf(ImportResult.Imported.class);
        }
    }

    @Autowired
    Applying applying;

    @Autowired
    org.machi.casework.ResidentRegister register;

    @Autowired
    CaseFiles files;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseStore store;

    @Autowired
    CaseWork work;

    @Autowired
    Applications applications;

    @Autowired
    CounterApplying counter;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOnlineAndACounterApplicationOfOneHouseholdAreCaughtAndTheSecondHeldForReview() {
        UUID online = applyOnline(Register.HEAD);
        CaseView first = settled(online);
        assertThat(first.channel()).isEqualTo("ONLINE");
        assertThat(first.heldReason()).as("the head's own first application passes").isNull();
        assertThat(first.registerNumber()).isEqualTo(Register.HEAD.registerNumber());
        assertThat(first.householdNumber()).isEqualTo(Register.HEAD.householdNumber());
        assertThat(audit.latest(30)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.action()).isEqualTo("personal-data.read");
            assertThat(entry.record()).isEqualTo("casework.register");
            assertThat(entry.purpose()).isEqualTo(HouseholdChecks.PURPOSE);
            assertThat(entry.subject()).isEqualTo("register:" + Register.HEAD.registerNumber());
        });

        UUID atCounter = fileAtCounter(Register.SPOUSE);
        CaseView second = settled(atCounter);
        assertThat(second.channel()).isEqualTo("COUNTER");
        assertThat(second.heldReason()).isEqualTo("DUPLICATE_IN_HOUSEHOLD");
        assertThat(second.heldDetail()).isEqualTo(first.receiptNumber());
        assertThat(store.history(second.id())).extracting(HistoryEntry::action).containsExactly("OPEN", "HOLD");
        assertThat(store.history(second.id()).get(1).actor()).isEqualTo("system");
        assertThat(store.view(first.id()).orElseThrow().heldReason()).as("the first stays as it is").isNull();

        String clerk = clerkOf("kyufukin");
        assertThat(work.act(second.id(), clerk, new CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(second.id(), clerk, new CaseCommand.Approve()).refusal()).isEqualTo(CaseRefusal.HELD);
        assertThat(work.act(second.id(), clerk, new CaseCommand.Reject("同じ世帯から申請済みのため（受付番号 " + first.receiptNumber() + "）"))
                .succeeded()).isTrue();
        assertThat(work.act(first.id(), clerk, new CaseCommand.StartReview()).succeeded()).isTrue();
        assertThat(work.act(first.id(), clerk, new CaseCommand.Approve()).succeeded()).isTrue();
    }

    @Test
    void anOnlineApplicationOfAnotherProcedureIsMatchedToTheRegisterForTheCountersOneView() {
        UUID online = applyOnline("kazei-shomei", Register.HEAD, this::fillKazeiShomei);
        CaseView matched = settled(online);
        assertThat(matched.heldReason()).as("no household checks for this procedure").isNull();
        assertThat(matched.registerNumber()).isEqualTo(Register.HEAD.registerNumber());
        assertThat(matched.householdNumber()).isEqualTo(Register.HEAD.householdNumber());
        assertThat(store.history(matched.id())).extracting(HistoryEntry::action).containsExactly("OPEN");
        assertThat(audit.latest(30)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("personal-data.read");
            assertThat(entry.purpose()).isEqualTo(HouseholdChecks.MATCH_PURPOSE);
            assertThat(entry.subject()).isEqualTo("register:" + Register.HEAD.registerNumber());
        });
        assertThat(files.ofRegisterNumber(Register.HEAD.registerNumber())).extracting(CaseSummary::id).contains(matched.id());
    }

    @Test
    void aHoldIsReleasedWithAReasonAndThenTheCaseCanBeApproved() {
        UUID online = applyOnline(Register.LODGER);
        CaseView held = settled(online);
        assertThat(held.heldReason()).as("a lodger is not the household's head").isEqualTo("NOT_HEAD_OR_PROXY");
        String clerk = clerkOf("kyufukin");
        work.act(held.id(), clerk, new CaseCommand.StartReview());
        assertThat(work.act(held.id(), clerk, new CaseCommand.ReleaseHold(" ")).refusal()).isEqualTo(CaseRefusal.REASON_REQUIRED);
        assertThat(work.act(held.id(), clerk, new CaseCommand.ReleaseHold("世帯主の委任状を窓口で確認した")).succeeded()).isTrue();
        assertThat(store.view(held.id()).orElseThrow().heldReason()).isNull();
        assertThat(work.act(held.id(), clerk, new CaseCommand.Approve()).state()).isEqualTo(CaseState.APPROVED);
        assertThat(store.history(held.id())).extracting(HistoryEntry::action)
                .containsExactly("OPEN", "HOLD", "START_REVIEW", "RELEASE_HOLD", "APPROVE");
    }

    @Test
    void aRegisteredProxyPassesTheHeadCheck() {
        assertThat(settled(fileAtCounter(Register.PROXY)).heldReason()).isNull();
    }

    @Test
    void anApplicantTheRegisterDoesNotKnowIsHeldWithoutACrash() {
        RegisteredPerson stranger = Register.person("9999999999", "H999999999", "緑", "七子", "ミドリ", "ナナコ", LocalDate.of(1990, 8, 8),
                "世帯主", true);
        CaseView unknown = settled(applyOnline(stranger));
        assertThat(unknown.heldReason()).isEqualTo("NOT_IN_REGISTER");
        assertThat(unknown.registerNumber()).isNull();
        assertThat(unknown.state()).isEqualTo(CaseState.RECEIVED);

        CaseView unknownNumber = settled(fileAtCounter(stranger));
        assertThat(unknownNumber.heldReason()).isEqualTo("NOT_IN_REGISTER");
    }

    @Test
    void twoApplicationsOfOneHouseholdFiledAtTheSameMomentDoNotBothPass() throws Exception {
        String clerk = staffMember(StaffRole.COUNTER_STAFF).reference();
        UUID firstSession = UUID.randomUUID();
        UUID secondSession = UUID.randomUUID();
        UUID one = counterDraft(Register.RACER, firstSession, clerk);
        UUID two = counterDraft(Register.RACER, secondSession, clerk);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<CounterSubmission>> filed = new ArrayList<>();
            for (UUID session : List.of(firstSession, secondSession)) {
                filed.add(threads.submit(() -> {
                    go.await();
                    return applications.submitAtCounter(session, clerk);
                }));
            }
            go.countDown();
            for (Future<CounterSubmission> f : filed) {
                assertThat(f.get().submitted()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        List<CaseView> both = List.of(settled(one), settled(two));
        assertThat(both).as("at least one of them is held as the other's duplicate")
                .anySatisfy(c -> assertThat(c.heldReason()).isEqualTo("DUPLICATE_IN_HOUSEHOLD"));
    }

    // ---- applying

    /** Applies online for kyufukin as the person would (their own card-verified account), through the form's steps. */
    private UUID applyOnline(RegisteredPerson person) {
        return applyOnline("kyufukin", person, this::fill);
    }

    private interface Filler {
        void fill(UUID id, java.util.function.Function<String, Draft> draftOf, RegisteredPerson person);
    }

    private UUID applyOnline(String slug, RegisteredPerson person, Filler filler) {
        Account account = new Account(UUID.randomUUID(), AccountKind.RESIDENT, "kyufu-" + UUID.randomUUID() + "@example.jp", null, false,
                Assurance.CARD_VERIFIED, true, Set.of(), Instant.now());
        accounts.insert(account);
        UUID id = applying.start(account.id(), slug);
        filler.fill(id, stepId -> applying.draft(account.id(), slug, id).orElseThrow(), person);
        Draft draft = applying.draft(account.id(), slug, id).orElseThrow();
        Applying.Submission submitted = applying.submit(account.id(), slug, id, applying.newSubmitKey(draft), SiteLanguage.JA);
        assertThat(submitted.result()).as("submitted: " + submitted.incomplete()).isEqualTo(Applying.SubmitResult.SUBMITTED);
        return id;
    }

    /**
     * Answers the steps of 課税証明書 for the person's own certificate. (Not 住民票の写し: the PostgreSQL tests share
     * one database, the others seed the smaller test forms under the same slugs, and the first seed of a slug stays;
     * 課税証明書, like 給付金, has no test form.)
     */
    private void fillKazeiShomei(UUID id, java.util.function.Function<String, Draft> draftOf, RegisteredPerson person) {
        answer(draftOf, "who", "certificateFor", "self");
        answer(draftOf, "applicant", "familyName", person.familyName(), "givenName", person.givenName(), "familyNameKana",
                person.familyNameKana(), "givenNameKana", person.givenNameKana(), "birthDate", person.birthDate().toString(),
                "address.postcode", "243-0021", "address.line", "岡田1-2-3", "phone", "046-225-2000");
        answer(draftOf, "year", "fiscalYear", "fy2026");
        answer(draftOf, "residence", "livedInAtsugi", "yes");
        answer(draftOf, "howMany", "copies", "1");
        answer(draftOf, "use", "purpose", "childcare");
    }

    /** Answers kyufukin's steps for the person; the draft is read again before each step. */
    private void fill(UUID id, java.util.function.Function<String, Draft> draftOf, RegisteredPerson person) {
        answer(draftOf, "baseDate", "registeredOnBaseDate", "yes");
        answer(draftOf, "householdHead", "isHouseholdHead", "yes");
        answer(draftOf, "taxStatus", "householdTax", "allExempt");
        answer(draftOf, "dependents", "allDependentsOfTaxed", "no");
        answer(draftOf, "alreadyApplied", "alreadyApplied", "no");
        answer(draftOf, "head", "familyName", person.familyName(), "givenName", person.givenName(), "familyNameKana",
                person.familyNameKana(), "givenNameKana", person.givenNameKana(), "birthDate", person.birthDate().toString(),
                "address.postcode", "243-0021", "address.line", "岡田1-2-3", "phone", "046-225-2000");
        answer(draftOf, "accountChoiceStep", "accountChoice", "kokin");
    }

    private void answer(java.util.function.Function<String, Draft> draftOf, String stepId, String... pairs) {
        Draft draft = draftOf.apply(stepId);
        Step step = draft.form().step(stepId).orElseThrow();
        Applying.StepOutcome outcome = applying.saveStep(draft, step, input(pairs), null, SiteLanguage.JA);
        assertThat(outcome.saved()).as("step " + stepId + ": " + outcome.reading().problems()).isTrue();
    }

    private static StepInput input(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new StepInput() {
            @Override
            public String value(String name) {
                return values.get(name);
            }

            @Override
            public List<String> values(String name) {
                return values.containsKey(name) ? List.of(values.get(name)) : List.of();
            }

            @Override
            public boolean keptAsKnown(String fieldId) {
                return false;
            }

            @Override
            public boolean fileSent(String name) {
                return false;
            }
        };
    }

    /**
     * An application filed at the counter for the register person, as the counter does it: a draft
     * for the clerk prefilled with what the register holds, the clerk's answers, one submit.
     */
    private UUID fileAtCounter(RegisteredPerson person) {
        String clerk = staffMember(StaffRole.COUNTER_STAFF).reference();
        UUID session = UUID.randomUUID();
        UUID id = counterDraft(person, session, clerk);
        CounterSubmission filed = applications.submitAtCounter(session, clerk);
        assertThat(filed.submitted()).as(filed.outcome().toString()).isTrue();
        return id;
    }

    private UUID counterDraft(RegisteredPerson person, UUID session, String clerk) {
        UUID id = applications.startAtCounter(new CounterStart("kyufukin", session, clerk, person.registerNumber(),
                new ApplicantFacts(person.familyName(), person.givenName(), person.familyNameKana(), person.givenNameKana(),
                        person.birthDate(), person.postcode(), person.addressLine()), "/counter/sessions/" + session));
        fill(id, stepId -> counter.draft(id, clerk).orElseThrow(), person);
        return id;
    }

    /** The application's case once the household checks have run on it (their event publication is complete). */
    private CaseView settled(UUID application) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.findByApplication(application).isPresent());
        UUID caseId = store.findByApplication(application).orElseThrow().id();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql("""
                        SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%CaseOpened' AND listener_id LIKE '%HouseholdChecks%'
                        AND serialized_event LIKE :id AND completion_date IS NOT NULL""")
                .param("id", "%" + caseId + "%").query(Long.class).single() == 1);
        return store.view(caseId).orElseThrow();
    }

    private Account staffMember(StaffRole role) {
        Account account = new Account(UUID.randomUUID(), AccountKind.STAFF, "staff-" + UUID.randomUUID().toString().substring(0, 8), null,
                false, Assurance.SELF_ASSERTED, true, Set.of(role), Instant.now());
        accounts.insert(account);
        return account;
    }

    private String clerkOf(String department) {
        Account account = staffMember(StaffRole.DEPARTMENT_STAFF);
        staff.changeDetails(account.id(), new StaffDetails("職員 " + account.login(), department, null), "system");
        return account.reference();
    }
}

package org.machi.procedures.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditTrail;
import org.machi.procedures.AnswerLine;
import org.machi.procedures.ApplicantFacts;
import org.machi.procedures.ApplicationDetails;
import org.machi.procedures.ApplicationSubmitted;
import org.machi.procedures.Applications;
import org.machi.procedures.CounterDraftView;
import org.machi.procedures.CounterRefusedException;
import org.machi.procedures.CounterStart;
import org.machi.procedures.CounterSubmission;
import org.machi.procedures.SubmissionChannel;
import org.machi.shared.SiteLanguage;
import org.machi.testing.MachiWebTest;
import org.machi.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Applying at the counter through {@link Applications}: a clerk's drafts start from the register's
 * facts under the profile's rules, belong to that clerk alone, and are filed all together or not at all.
 */
@MachiWebTest
@RecordApplicationEvents
class CounterApplyingTests {

    static final ApplicantFacts HANAKO = new ApplicantFacts("厚木", "花子", "アツギ", "ハナコ", LocalDate.of(1990, 4, 1), "2430018",
            "中町3-17-17", "中央");

    @Autowired
    Applications applications;

    @Autowired
    CounterApplying counter;

    @Autowired
    Applying applying;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    private final String clerk = "account:" + UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    private UUID start(String slug, ApplicantFacts facts) {
        return applications.startAtCounter(new CounterStart(slug, session, clerk, "1000000001", facts, "/counter/sessions/" + session));
    }

    private void answer(UUID id, String stepId, TestApplications.MapInput input) {
        Draft draft = counter.draft(id, clerk).orElseThrow();
        Applying.StepOutcome outcome = applying.saveStep(draft, draft.form().step(stepId).orElseThrow(), input, null, SiteLanguage.JA);
        assertThat(outcome.saved()).as("step %s saved: %s", stepId, outcome.reading().problems()).isTrue();
    }

    private void complete(UUID id) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        answer(id, "business", TestApplications.MapInput.of("isBusiness", "no"));
        answer(id, "applicant", TestApplications.MapInput.of("familyName", "厚木", "givenName", "花子", "phone", "046-225-2790"));
        answer(id, "items", TestApplications.MapInput.of("items.count", "1", "items[0].itemName", "ソファ", "items[0].itemCount", "1"));
        answer(id, "collection", TestApplications.MapInput.of("collectionDate", today.plusDays(3).toString(), "place", "other",
                "placeNote", "門の前"));
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM procedures.application WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void aCounterDraftStartsFromTheRegistersFactsAndCountsPrefilledAndTypedFields() {
        UUID id = start("sodai-gomi", HANAKO);

        Draft draft = counter.draft(id, clerk).orElseThrow();
        assertThat(draft.answers().get("familyName")).isEqualTo("厚木");
        assertThat(draft.answers().get("givenName")).isEqualTo("花子");
        assertThat(draft.application().prefilled()).containsExactlyInAnyOrder("familyName", "givenName");
        assertThat(draft.application().channel()).isEqualTo(SubmissionChannel.COUNTER);
        assertThat(draft.application().applicant()).isNull();

        List<CounterDraftView> drafts = applications.counterDrafts(session, clerk);
        assertThat(drafts).hasSize(1);
        CounterDraftView view = drafts.get(0);
        assertThat(view.applicationId()).isEqualTo(id);
        assertThat(view.title()).isEqualTo("粗大ごみ 収集申込");
        assertThat(view.complete()).isFalse();
        assertThat(view.fieldsPrefilled()).isEqualTo(2);
        assertThat(view.fieldsTyped()).isZero();
        assertThat(view.fillPath()).isEqualTo("/counter/applications/" + id);

        complete(id);
        CounterDraftView done = applications.counterDrafts(session, clerk).get(0);
        assertThat(done.complete()).isTrue();
        assertThat(done.fieldsPrefilled()).as("kept as the register gave them").isEqualTo(2);
        assertThat(done.fieldsTyped()).as("isBusiness, phone, items, collectionDate, place, placeNote").isEqualTo(6);
    }

    @Test
    void aFactTheFieldWouldRefuseIsNotFilledIn() {
        UUID id = start("sodai-gomi", new ApplicantFacts("厚".repeat(21), "花子", null, null, null, null, null));
        Draft draft = counter.draft(id, clerk).orElseThrow();
        assertThat(draft.answers().get("familyName")).as("longer than the field allows").isNull();
        assertThat(draft.application().prefilled()).containsExactly("givenName");
        UUID empty = start("sodai-gomi", null);
        assertThat(counter.draft(empty, clerk).orElseThrow().application().prefilled()).isEmpty();
    }

    @Test
    void anUnknownCounterOnlyOrFormlessProcedureIsRefusedAndNothingStarts() {
        assertThatThrownBy(() -> start("no-such-thing", HANAKO)).isInstanceOfSatisfying(CounterRefusedException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("counter.refused.NO_SUCH_PROCEDURE"));
        assertThatThrownBy(() -> start("tennyu", HANAKO)).isInstanceOfSatisfying(CounterRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(CounterRefusedException.Reason.COUNTER_ONLY));
        assertThatThrownBy(() -> start("kyufukin", HANAKO)).isInstanceOfSatisfying(CounterRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(CounterRefusedException.Reason.NO_FORM));
        assertThatThrownBy(() -> applications.startAtCounter(new CounterStart("sodai-gomi", session, clerk, "1000000001", HANAKO,
                "https://elsewhere.example/"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(applications.counterDrafts(session, clerk)).isEmpty();
    }

    @Test
    void theSessionIsFiledAllTogetherOrNotAtAll() {
        UUID first = start("sodai-gomi", HANAKO);
        clock.advance(java.time.Duration.ofSeconds(1));
        UUID second = start("sodai-gomi", HANAKO);
        complete(first);

        CounterSubmission refused = applications.submitAtCounter(session, clerk);
        assertThat(refused.outcome()).isEqualTo(CounterSubmission.Outcome.INCOMPLETE);
        assertThat(refused.incomplete()).containsExactly(second);
        assertThat(refused.receiptNumbers()).isEmpty();
        assertThat(refused.messageKey()).isEqualTo("counter.refused.INCOMPLETE");
        assertThat(status(first)).isEqualTo("DRAFT");
        assertThat(status(second)).isEqualTo("DRAFT");
        assertThat(events.stream(ApplicationSubmitted.class).filter(e -> e.applicationId().equals(first))).isEmpty();

        complete(second);
        CounterSubmission filed = applications.submitAtCounter(session, clerk);
        assertThat(filed.submitted()).isTrue();
        assertThat(filed.receiptNumbers().keySet()).containsExactly(first, second);
        assertThat(status(first)).isEqualTo("SUBMITTED");
        assertThat(status(second)).isEqualTo("SUBMITTED");
        List<ApplicationSubmitted> submitted = events.stream(ApplicationSubmitted.class)
                .filter(e -> e.applicationId().equals(first) || e.applicationId().equals(second)).toList();
        assertThat(submitted).hasSize(2).allSatisfy(e -> {
            assertThat(e.channel()).isEqualTo(SubmissionChannel.COUNTER);
            assertThat(e.clerk()).isEqualTo(clerk);
            assertThat(e.registerNumber()).isEqualTo("1000000001");
            assertThat(e.counterSession()).isEqualTo(session);
            assertThat(e.applicant()).isNull();
            assertThat(e.receiptNumber()).isEqualTo(filed.receiptNumbers().get(e.applicationId()));
        });
        assertThat(applications.counterDrafts(session, clerk)).as("filed: no longer drafts").isEmpty();
        assertThat(applications.submitAtCounter(session, clerk).outcome()).isEqualTo(CounterSubmission.Outcome.NOTHING_TO_SUBMIT);

        ApplicationDetails details = applications.read(first, "account:" + UUID.randomUUID(), "case review", SiteLanguage.JA).orElseThrow();
        assertThat(details.channel()).isEqualTo(SubmissionChannel.COUNTER);
        assertThat(details.clerk()).isEqualTo(clerk);
        assertThat(details.registerNumber()).isEqualTo("1000000001");
        assertThat(details.applicant()).isNull();
        assertThat(audit.latest(1).get(0).subject()).isEqualTo("register:1000000001");
        assertThat(applications.applicantFacts(first, "system", "benefit-check").orElseThrow().familyName()).isEqualTo("厚木");
    }

    @Test
    void anotherClerkNeitherSeesNorFilesTheDrafts() {
        UUID id = start("sodai-gomi", HANAKO);
        complete(id);
        String other = "account:" + UUID.randomUUID();

        assertThat(applications.counterDrafts(session, other)).isEmpty();
        assertThat(applications.answerLines(id, other, SiteLanguage.JA)).isEmpty();
        assertThat(counter.draft(id, other)).isEmpty();
        assertThat(applications.submitAtCounter(session, other).outcome()).isEqualTo(CounterSubmission.Outcome.NOTHING_TO_SUBMIT);
        assertThat(status(id)).isEqualTo("DRAFT");
    }

    @Test
    void theAnswerLinesOfTheSummaryReadAsOnTheCheckPageAndTheReadIsAudited() {
        UUID id = start("sodai-gomi", HANAKO);
        complete(id);

        List<AnswerLine> lines = applications.answerLines(id, clerk, SiteLanguage.JA);

        assertThat(lines).contains(new AnswerLine("申込者", "姓", "厚木"), new AnswerLine("申込者", "電話番号", "046-225-2790"));
        AuditEntry entry = audit.latest(1).get(0);
        assertThat(entry.actor()).isEqualTo(clerk);
        assertThat(entry.action()).isEqualTo("personal-data.read");
        assertThat(entry.subject()).isEqualTo("register:1000000001");
        assertThat(entry.purpose()).isEqualTo("counter-summary");
    }
}

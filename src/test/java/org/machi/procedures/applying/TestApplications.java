package org.machi.procedures.applying;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.machi.procedures.forms.Step;
import org.machi.shared.SiteLanguage;

/** Fills the bulky-waste test form through the service, as the pages would, for tests that need a complete draft. */
final class TestApplications {

    private final Applying applying;
    private final LocalDate today;

    TestApplications(Applying applying, java.time.Clock clock) {
        this.applying = applying;
        this.today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
    }

    /** Inputs by name, each with one or more values. */
    record MapInput(Map<String, List<String>> inputs) implements StepInput {

        static MapInput of(String... pairs) {
            Map<String, List<String>> inputs = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                inputs.put(pairs[i], Arrays.asList(pairs[i + 1]));
            }
            return new MapInput(inputs);
        }

        @Override
        public String value(String name) {
            List<String> values = inputs.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public List<String> values(String name) {
            return inputs.getOrDefault(name, List.of());
        }

        @Override
        public boolean keptAsKnown(String fieldId) {
            return false;
        }

        @Override
        public boolean fileSent(String name) {
            return false;
        }
    }

    /** A draft of sodai-gomi answered up to check your answers, for the account. */
    UUID completeDraft(UUID account, String phone) {
        UUID id = applying.start(account, "sodai-gomi");
        answer(account, id, "business", MapInput.of("isBusiness", "no"));
        answer(account, id, "applicant", MapInput.of("familyName", "厚木", "givenName", "太郎", "phone", phone));
        answer(account, id, "items", MapInput.of("items.count", "1", "items[0].itemName", "ソファ", "items[0].itemCount", "1"));
        answer(account, id, "collection", MapInput.of("collectionDate", today.plusDays(3).toString(), "place", "other",
                "placeNote", "門の前"));
        return id;
    }

    void answer(UUID account, UUID id, String stepId, StepInput input) {
        Draft draft = applying.draft(account, "sodai-gomi", id).orElseThrow();
        Step step = draft.form().step(stepId).orElseThrow();
        Applying.StepOutcome outcome = applying.saveStep(draft, step, input, null, SiteLanguage.JA);
        if (!outcome.saved()) {
            throw new AssertionError("step " + stepId + " not saved: " + outcome.reading().problems());
        }
    }

    /** The key the check-your-answers page would carry. */
    String submitKey(UUID account, UUID id) {
        return applying.newSubmitKey(applying.draft(account, "sodai-gomi", id).orElseThrow());
    }

    Applying.Submission submit(UUID account, UUID id) {
        return applying.submit(account, "sodai-gomi", id, submitKey(account, id), SiteLanguage.JA);
    }
}

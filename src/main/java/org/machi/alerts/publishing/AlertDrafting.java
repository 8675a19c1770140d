package org.machi.alerts.publishing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Service;

/**
 * Drafting an alert from what an operator typed, as the staff forms ask for it: the districts an
 * area drawn alone concerns, every language left empty filled from the kind's template (for a
 * revision or an update, texts follow the facts that changed), what the operator is asked to
 * confirm, and each rule the content breaks named with the field it concerns. What passes is
 * saved through the {@link AlertDesk}.
 */
@Service
public class AlertDrafting {

    private final AlertDesk desk;
    private final AlertTemplates templates;
    private final FollowingTexts followingTexts;
    private final CityProfile city;
    private final Clock clock;

    AlertDrafting(AlertDesk desk, AlertTemplates templates, FollowingTexts followingTexts, CityProfile city, Clock clock) {
        this.desk = desk;
        this.templates = templates;
        this.followingTexts = followingTexts;
        this.city = city;
        this.clock = clock;
    }

    /** Something to correct or to confirm, on one field of the form (its id in the page) with its message key. */
    public record Problem(String field, String key, Object... args) {
    }

    public sealed interface Outcome permits Saved, NotSaved {
    }

    /** Saved: the draft, the revised draft, the update or the cancel. */
    public record Saved(Alert alert) implements Outcome {
    }

    /**
     * Not saved; the form is shown again.
     *
     * @param problems  what must be corrected
     * @param checks    what the operator is asked to confirm and then send again confirmed (none while there are problems)
     * @param districts the districts the content concerns, those found inside a drawn area included
     * @param textsKept the languages whose texts are kept as typed: the others are made anew from the
     *                  template when saved, with the facts as they are then; null to keep every text
     */
    public record NotSaved(List<Problem> problems, List<Problem> checks, Set<String> districts, Set<String> textsKept)
            implements Outcome {
    }

    /** A new draft. */
    public Outcome draft(AlertContent typed, boolean confirmed, String by) {
        return save(typed, null, confirmed, content -> desk.draft(content, by));
    }

    /** The draft revised; it stays an exercise or not, as it was. */
    public Outcome revise(Alert draft, AlertContent typed, boolean confirmed, String by) {
        return save(typed, draft, confirmed, content -> desk.revise(draft.id(), content, by));
    }

    /** An update of a published alert; it stays an exercise or not, as the alert was. */
    public Outcome draftUpdate(Alert published, AlertContent typed, boolean confirmed, String by) {
        return save(typed, published, confirmed, content -> desk.draftUpdate(published.id(), content, by));
    }

    /** The Japanese text a cancel of this alert starts from. */
    public AlertText cancelText(Alert published) {
        return templates.fillCancel(published, SiteLanguage.JA, clock.instant());
    }

    /** A cancel with the Japanese the operator wrote; the other languages come from the cancel template. */
    public Outcome draftCancel(Alert published, String headline, String description, String by) {
        if (headline.isBlank() || description.isBlank()) {
            return notSaved(new Problem(headline.isBlank() ? "headline" : "description", "alert.rule.japaneseRequired"));
        }
        Map<String, AlertText> texts = templates.complete(Map.of(SiteLanguage.JA.code(), new AlertText(headline.strip(),
                description.replace("\r\n", "\n").strip(), "")), published.kind(), published.districts(), "", clock.instant(), published);
        try {
            return new Saved(desk.draftCancel(published.id(), texts, by));
        } catch (AlertRuleBroken broken) {
            return notSaved(problem(broken));
        }
    }

    /**
     * @param previous the alert revised or updated, or null for a new one
     */
    private Outcome save(AlertContent typed, Alert previous, boolean confirmed, Function<AlertContent, Alert> saving) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> checks = new ArrayList<>();
        Set<String> districts = districtsConcerned(typed, problems);
        Set<String> kept = null;
        if (problems.isEmpty()) {
            AlertContent content = with(typed, previous == null ? typed.exercise() : previous.exercise(), typed.texts(), districts);
            Map<String, AlertText> texts = new LinkedHashMap<>(content.texts());
            if (previous != null) {
                FollowingTexts.Followed followed = followingTexts.follow(previous, content);
                texts = new LinkedHashMap<>(followed.texts());
                kept = Set.copyOf(texts.keySet());
                followed.toCheck().forEach(language -> checks.add(new Problem("headline-" + language.code(),
                        "staffAlerts.form.textToCheck", language.nativeName())));
            }
            if (!texts.containsKey(SiteLanguage.JA.code())) {
                AlertText japanese = templates.fill(content.kind(), SiteLanguage.JA, districts, content.shelters(), content.effective());
                if (japanese == null) {
                    problems.add(new Problem("headline-ja", "alert.rule.japaneseRequired"));
                } else {
                    texts.put(SiteLanguage.JA.code(), japanese);
                }
            }
            if (problems.isEmpty()) {
                AlertContent completed = with(content, content.exercise(), templates.complete(texts, content.kind(), districts,
                        content.shelters(), content.effective(), null), districts);
                try {
                    desk.toConfirm(completed, previous).forEach(check -> checks.add(new Problem(check.field(), check.key())));
                    if (checks.isEmpty() || confirmed) {
                        return new Saved(saving.apply(completed));
                    }
                } catch (AlertRuleBroken broken) {
                    problems.add(problem(broken));
                }
            }
        }
        return new NotSaved(List.copyOf(problems), problems.isEmpty() ? List.copyOf(checks) : List.of(), districts, kept);
    }

    /** The districts chosen; with none chosen and an area drawn, every district the area touches. */
    private Set<String> districtsConcerned(AlertContent typed, List<Problem> problems) {
        if (!typed.districts().isEmpty() || typed.area().isEmpty()) {
            return typed.districts();
        }
        Set<String> inside = new LinkedHashSet<>();
        city.districts().stream().filter(d -> typed.area().touches(d.boundary().polygon()))
                .forEach(d -> inside.add(d.code()));
        if (inside.isEmpty()) {
            problems.add(new Problem("districts", "alert.form.areaCoversNoDistrict"));
        }
        return inside;
    }

    private static AlertContent with(AlertContent content, boolean exercise, Map<String, AlertText> texts, Set<String> districts) {
        return new AlertContent(content.kind(), exercise, content.urgency(), content.severity(), content.certainty(),
                texts, districts, content.shelters(), content.effective(), content.expires(), content.area(), content.link());
    }

    private static NotSaved notSaved(Problem problem) {
        return new NotSaved(List.of(problem), List.of(), Set.of(), null);
    }

    /** The field a broken rule concerns: the one the rule names, or the one its key stands for. */
    static Problem problem(AlertRuleBroken broken) {
        String field = broken.field().orElseGet(() -> switch (broken.messageKey()) {
            case "alert.rule.placeRequired", "alert.rule.unknownDistrict" -> "districts";
            case "alert.rule.expired", "alert.rule.expiresBeforeEffective" -> "expires";
            case "alert.rule.effectiveRequired" -> "effective";
            case "alert.rule.linkInvalid" -> "link";
            default -> "headline-ja";
        });
        return new Problem(field, broken.messageKey());
    }
}

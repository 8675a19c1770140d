package org.machi.alerts.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/**
 * The texts of a revised draft or an update, when its districts, shelters or time changed. A text
 * that comes back as the kind's template filled with the previous facts was never written by
 * anyone: it is left out, so that it is filled anew with the new facts. A text written by hand is
 * kept as it is, and named for the operator to check unless it already matches the new facts.
 */
@Component
public class FollowingTexts {

    private final AlertTemplates templates;

    FollowingTexts(AlertTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param texts   the texts to keep (the rest are to be filled from the template)
     * @param toCheck the languages whose text was written by hand for the previous facts
     */
    public record Followed(Map<String, AlertText> texts, List<SiteLanguage> toCheck) {
    }

    public Followed follow(Alert previous, AlertContent revised) {
        AlertContent before = previous.content();
        if (before.districts().equals(revised.districts()) && before.shelters().equals(revised.shelters())
                && before.effective().equals(revised.effective())) {
            return new Followed(revised.texts(), List.of());
        }
        Map<String, AlertText> kept = new LinkedHashMap<>();
        List<SiteLanguage> toCheck = new ArrayList<>();
        for (SiteLanguage language : SiteLanguage.values()) {
            AlertText given = revised.texts().get(language.code());
            if (given == null || given.sameWords(templates.fill(before.kind(), language, before.districts(), before.shelters(),
                    before.effective()))) {
                continue;
            }
            kept.put(language.code(), given);
            if (!given.sameWords(templates.fill(revised.kind(), language, revised.districts(), revised.shelters(), revised.effective()))) {
                toCheck.add(language);
            }
        }
        return new Followed(kept, toCheck);
    }
}

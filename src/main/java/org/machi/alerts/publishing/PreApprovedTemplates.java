package org.machi.alerts.publishing;

import java.util.Map;
import java.util.Set;
import org.machi.alerts.AlertsProperties;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.shared.SiteLanguage;
import org.springframework.stereotype.Component;

/**
 * The four-eyes exception a city may configure ({@code machi.alerts.pre-approved-kinds}): for these
 * kinds, at the highest urgency, an operator may publish alone, as long as every text is the
 * kind's template word for word. None by default.
 */
@Component
class PreApprovedTemplates {

    private final Set<AlertKind> kinds;
    private final AlertTemplates templates;

    PreApprovedTemplates(AlertsProperties properties, AlertTemplates templates) {
        this.kinds = Set.copyOf(properties.preApprovedKinds());
        this.templates = templates;
    }

    boolean allows(Alert alert) {
        if (!kinds.contains(alert.kind()) || alert.type() != CapMessage.MsgType.ALERT
                || alert.content().urgency() != CapMessage.Urgency.IMMEDIATE) {
            return false;
        }
        for (Map.Entry<String, AlertText> text : alert.texts().entrySet()) {
            SiteLanguage language = SiteLanguage.fromCode(text.getKey()).orElse(null);
            AlertText template = language == null ? null : templates.fill(alert.kind(), language, alert.districts(),
                    alert.content().shelters(), alert.content().effective());
            if (template == null || !template.sameWords(text.getValue())) {
                return false;
            }
        }
        return true;
    }

    boolean offeredFor(AlertKind kind) {
        return kinds.contains(kind);
    }
}

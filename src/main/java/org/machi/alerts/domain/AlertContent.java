package org.machi.alerts.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.machi.alerts.cap.CapMessage.Certainty;
import org.machi.alerts.cap.CapMessage.Severity;
import org.machi.alerts.cap.CapMessage.Urgency;

/**
 * What an operator writes in an alert.
 *
 * @param texts     per language code (ja, ja-easy, en, …); Japanese is required
 * @param districts codes of the city profile's districts
 * @param shelters  the shelters opened, as the operator names them; may be empty
 * @param expires   may be null for an alert that stays until cancelled
 * @param area      a polygon and/or circle within the districts, or {@link AlertArea#NONE}
 * @param link      a web address with more information, or null
 */
public record AlertContent(AlertKind kind, boolean exercise, Urgency urgency, Severity severity, Certainty certainty,
                           Map<String, AlertText> texts, Set<String> districts, String shelters,
                           Instant effective, Instant expires, AlertArea area, String link) {

    /** Content for whole districts, without a link. */
    public AlertContent(AlertKind kind, boolean exercise, Urgency urgency, Severity severity, Certainty certainty,
                        Map<String, AlertText> texts, Set<String> districts, String shelters, Instant effective, Instant expires) {
        this(kind, exercise, urgency, severity, certainty, texts, districts, shelters, effective, expires, AlertArea.NONE, null);
    }

    public AlertContent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(urgency);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(certainty);
        texts = Map.copyOf(texts);
        districts = Set.copyOf(districts);
        shelters = shelters == null ? "" : shelters.strip();
        exercise = exercise || kind.alwaysExercise();
        area = area == null ? AlertArea.NONE : area;
        link = link == null || link.isBlank() ? null : link.strip();
    }
}

package org.machi.alerts.domain;

import java.time.Duration;
import org.machi.alerts.cap.CapMessage.Category;
import org.machi.alerts.cap.CapMessage.Certainty;
import org.machi.alerts.cap.CapMessage.ResponseType;
import org.machi.alerts.cap.CapMessage.Severity;
import org.machi.alerts.cap.CapMessage.Urgency;

/**
 * What an alert is about. Each kind brings its CAP category and response and the usual urgency,
 * severity, certainty and duration, so that an operator starts from sensible values; all but
 * {@link #OTHER} have a text template in every language ({@code alert.template.<KIND>.*}).
 */
public enum AlertKind {

    EVACUATION_ORDER(Category.SAFETY, ResponseType.EVACUATE, Urgency.IMMEDIATE, Severity.SEVERE, Certainty.LIKELY, 12),
    SHELTER_OPENING(Category.SAFETY, ResponseType.PREPARE, Urgency.EXPECTED, Severity.MODERATE, Certainty.LIKELY, 24),
    WEATHER_WARNING(Category.MET, ResponseType.PREPARE, Urgency.EXPECTED, Severity.SEVERE, Certainty.LIKELY, 12),
    RIVER_WARNING(Category.MET, ResponseType.PREPARE, Urgency.EXPECTED, Severity.SEVERE, Certainty.LIKELY, 12),
    LANDSLIDE_WARNING(Category.GEO, ResponseType.EVACUATE, Urgency.IMMEDIATE, Severity.SEVERE, Certainty.LIKELY, 12),
    DISASTER_HEADQUARTERS(Category.OTHER, ResponseType.MONITOR, Urgency.EXPECTED, Severity.MODERATE, Certainty.OBSERVED, 24),
    WATER_OUTAGE(Category.INFRA, ResponseType.PREPARE, Urgency.EXPECTED, Severity.MINOR, Certainty.OBSERVED, 12),
    ROAD_CLOSURE(Category.TRANSPORT, ResponseType.AVOID, Urgency.EXPECTED, Severity.MINOR, Certainty.OBSERVED, 12),
    MISSING_PERSON(Category.RESCUE, ResponseType.MONITOR, Urgency.EXPECTED, Severity.MODERATE, Certainty.OBSERVED, 24),
    EXERCISE(Category.SAFETY, ResponseType.NONE, Urgency.FUTURE, Severity.MINOR, Certainty.UNLIKELY, 3),
    OTHER(Category.OTHER, ResponseType.MONITOR, Urgency.EXPECTED, Severity.MODERATE, Certainty.POSSIBLE, 12);

    private final Category category;
    private final ResponseType response;
    private final Urgency urgency;
    private final Severity severity;
    private final Certainty certainty;
    private final Duration usualDuration;

    AlertKind(Category category, ResponseType response, Urgency urgency, Severity severity, Certainty certainty, int hours) {
        this.category = category;
        this.response = response;
        this.urgency = urgency;
        this.severity = severity;
        this.certainty = certainty;
        this.usualDuration = Duration.ofHours(hours);
    }

    public Category category() {
        return category;
    }

    public ResponseType response() {
        return response;
    }

    public Urgency urgency() {
        return urgency;
    }

    public Severity severity() {
        return severity;
    }

    public Certainty certainty() {
        return certainty;
    }

    public Duration usualDuration() {
        return usualDuration;
    }

    public boolean hasTemplate() {
        return this != OTHER;
    }

    /** A drill is always published with CAP status Exercise. */
    public boolean alwaysExercise() {
        return this == EXERCISE;
    }

    public String messageKey() {
        return "alert.kind." + name();
    }
}

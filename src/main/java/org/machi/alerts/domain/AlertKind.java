package org.machi.alerts.domain;

import java.time.Duration;
import java.util.Optional;
import org.machi.alerts.cap.CapMessage.Category;
import org.machi.alerts.cap.CapMessage.Certainty;
import org.machi.alerts.cap.CapMessage.ResponseType;
import org.machi.alerts.cap.CapMessage.Severity;
import org.machi.alerts.cap.CapMessage.Urgency;

/**
 * What an alert is about. Each kind brings its CAP category and response and the usual urgency,
 * severity, certainty and duration, so that an operator starts from sensible values; all but
 * {@link #OTHER} have a text template in every language ({@code alert.template.<KIND>.*}).
 * The three evacuation information kinds carry Japan's alert level (警戒レベル3, 4, 5) and stay in
 * force until they are lifted.
 */
public enum AlertKind {

    /** 高齢者等避難 (警戒レベル3): those who need time to evacuate leave now. */
    ELDERLY_EVACUATION(Category.SAFETY, ResponseType.EVACUATE, Urgency.EXPECTED, Severity.SEVERE, Certainty.LIKELY, Level.THREE),
    /** 避難指示 (警戒レベル4): everyone in a dangerous place leaves. */
    EVACUATION_ORDER(Category.SAFETY, ResponseType.EVACUATE, Urgency.IMMEDIATE, Severity.SEVERE, Certainty.LIKELY, Level.FOUR),
    /** 緊急安全確保 (警戒レベル5): a disaster is happening; save your life where you are. */
    EMERGENCY_SAFETY(Category.SAFETY, ResponseType.SHELTER, Urgency.IMMEDIATE, Severity.EXTREME, Certainty.OBSERVED, Level.FIVE),
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

    /** The CAP {@code eventCode} name under which an alert carries its level (value 3, 4 or 5). */
    public static final String LEVEL_CODE = "警戒レベル";

    private final Category category;
    private final ResponseType response;
    private final Urgency urgency;
    private final Severity severity;
    private final Certainty certainty;
    private final Duration usualDuration;
    private final int level;

    /** The alert levels a kind can have, as the constants above name them. */
    private enum Level {
        THREE, FOUR, FIVE;

        int number() {
            return ordinal() + 3;
        }
    }

    /** A kind that usually lasts some hours, without an alert level. */
    AlertKind(Category category, ResponseType response, Urgency urgency, Severity severity, Certainty certainty, int hours) {
        this(category, response, urgency, severity, certainty, Duration.ofHours(hours), 0);
    }

    /** Evacuation information at an alert level: in force until lifted. */
    AlertKind(Category category, ResponseType response, Urgency urgency, Severity severity, Certainty certainty, Level level) {
        this(category, response, urgency, severity, certainty, null, level.number());
    }

    AlertKind(Category category, ResponseType response, Urgency urgency, Severity severity, Certainty certainty,
              Duration usualDuration, int level) {
        this.category = category;
        this.response = response;
        this.urgency = urgency;
        this.severity = severity;
        this.certainty = certainty;
        this.usualDuration = usualDuration;
        this.level = level;
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

    /** How long such an alert usually lasts; empty for an order, which stays until it is lifted. */
    public Optional<Duration> usualDuration() {
        return Optional.ofNullable(usualDuration);
    }

    /** Japan's alert level (警戒レベル) of this kind: 3, 4 or 5, or 0 for a kind without one. */
    public int level() {
        return level;
    }

    public boolean hasLevel() {
        return level > 0;
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

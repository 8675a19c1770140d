package org.machi.alerts.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.machi.alerts.cap.CapMessage;

/**
 * One piece of emergency information, from draft to publication, with its rules: Japanese text
 * and a place are required, an expiry lies after the start, a second person approves (four eyes),
 * a published alert is changed only by an update or a cancel that refers to it.
 */
public final class Alert {

    public enum State { DRAFT, AWAITING_APPROVAL, PUBLISHED, SUPERSEDED, CANCELLED }

    private final UUID id;
    private final CapMessage.MsgType type;
    private final UUID refersTo;
    private final boolean exercise;
    private final CapMessage.Category category;
    private final CapMessage.ResponseType response;
    private final CapMessage.Urgency urgency;
    private final CapMessage.Severity severity;
    private final CapMessage.Certainty certainty;
    private final Map<String, AlertText> texts;
    private final Set<String> districts;
    private final Instant effective;
    private final Instant expires;
    private final String author;
    private State state = State.DRAFT;
    private String approver;
    private Instant publishedAt;

    private Alert(UUID id, CapMessage.MsgType type, UUID refersTo, boolean exercise, CapMessage.Category category,
                  CapMessage.ResponseType response, CapMessage.Urgency urgency, CapMessage.Severity severity,
                  CapMessage.Certainty certainty, Map<String, AlertText> texts, Set<String> districts, Instant effective,
                  Instant expires, String author, Instant now) {
        this.id = id;
        this.type = type;
        this.refersTo = refersTo;
        this.exercise = exercise;
        this.category = Objects.requireNonNull(category);
        this.response = Objects.requireNonNull(response);
        this.urgency = Objects.requireNonNull(urgency);
        this.severity = Objects.requireNonNull(severity);
        this.certainty = Objects.requireNonNull(certainty);
        this.texts = Map.copyOf(texts);
        this.districts = Set.copyOf(districts);
        this.effective = effective;
        this.expires = expires;
        this.author = Objects.requireNonNull(author);
        check(now);
    }

    /** A new alert, as its author drafts it. */
    public static Alert draft(boolean exercise, CapMessage.Category category, CapMessage.ResponseType response,
                              CapMessage.Urgency urgency, CapMessage.Severity severity, CapMessage.Certainty certainty,
                              Map<String, AlertText> texts, Set<String> districts, Instant effective, Instant expires,
                              String author, Instant now) {
        return new Alert(UUID.randomUUID(), CapMessage.MsgType.ALERT, null, exercise, category, response, urgency, severity,
                certainty, texts, districts, effective, expires, author, now);
    }

    /** A draft that will replace this published alert (more districts, a later expiry, new advice). */
    public Alert draftUpdate(Map<String, AlertText> newTexts, Set<String> newDistricts, Instant newExpires, String by, Instant now) {
        requireState(State.PUBLISHED);
        return new Alert(UUID.randomUUID(), CapMessage.MsgType.UPDATE, id, exercise, category, response, urgency, severity,
                certainty, newTexts, newDistricts, effective, newExpires, by, now);
    }

    /** A draft that will withdraw this published alert (the order is lifted). */
    public Alert draftCancel(Map<String, AlertText> cancelTexts, String by, Instant now) {
        requireState(State.PUBLISHED);
        return new Alert(UUID.randomUUID(), CapMessage.MsgType.CANCEL, id, exercise, category, CapMessage.ResponseType.ALL_CLEAR,
                CapMessage.Urgency.PAST, severity, certainty, cancelTexts, districts, now, null, by, now);
    }

    /** The author hands the draft over for approval. */
    public void submit(String by) {
        requireState(State.DRAFT);
        if (!author.equals(by)) {
            throw new AlertRuleBroken("alert.rule.onlyAuthorSubmits");
        }
        state = State.AWAITING_APPROVAL;
    }

    /** A second person approves; the alert is published at once. */
    public void approve(String by, Instant now) {
        requireState(State.AWAITING_APPROVAL);
        if (author.equals(by)) {
            throw new AlertRuleBroken("alert.rule.fourEyes");
        }
        if (expires != null && !expires.isAfter(now)) {
            throw new AlertRuleBroken("alert.rule.expired");
        }
        approver = by;
        publishedAt = now;
        state = State.PUBLISHED;
    }

    /** The approver sends the draft back to its author. */
    public void sendBack(String by) {
        requireState(State.AWAITING_APPROVAL);
        if (author.equals(by)) {
            throw new AlertRuleBroken("alert.rule.fourEyes");
        }
        state = State.DRAFT;
    }

    /** Called when the update or cancel that refers to this alert is published. */
    public void replacedBy(Alert later) {
        requireState(State.PUBLISHED);
        if (!id.equals(later.refersTo) || later.state != State.PUBLISHED) {
            throw new AlertRuleBroken("alert.rule.notItsReplacement");
        }
        state = later.type == CapMessage.MsgType.CANCEL ? State.CANCELLED : State.SUPERSEDED;
    }

    public boolean inForce(Instant now) {
        return state == State.PUBLISHED && type != CapMessage.MsgType.CANCEL
                && !effective.isAfter(now) && (expires == null || expires.isAfter(now));
    }

    /** The published alert as CAP 1.2: one info per language, one area per district. */
    public CapMessage toCap(String sender, ZoneId zone, String senderName, Map<String, DistrictArea> areas,
                            Alert referenced) {
        if (state == State.DRAFT || state == State.AWAITING_APPROVAL) {
            throw new AlertRuleBroken("alert.rule.notPublished");
        }
        List<CapMessage.Reference> references = referenced == null ? List.of()
                : List.of(new CapMessage.Reference(sender, referenced.capIdentifier(), referenced.publishedAt.atZone(zone).toOffsetDateTime()));
        for (String code : districts) {
            if (!areas.containsKey(code)) {
                throw new AlertRuleBroken("alert.rule.unknownDistrict");
            }
        }
        List<CapMessage.Info> infos = new ArrayList<>();
        languagesJapaneseFirst().forEach(language -> infos.add(capInfo(language, texts.get(language), senderName, areas, zone)));
        return new CapMessage(capIdentifier(), sender, publishedAt.atZone(zone).toOffsetDateTime(),
                exercise ? CapMessage.Status.EXERCISE : CapMessage.Status.ACTUAL, type, references, infos);
    }

    private List<String> languagesJapaneseFirst() {
        return texts.keySet().stream()
                .sorted((a, b) -> a.equals("ja") ? -1 : b.equals("ja") ? 1 : a.compareTo(b))
                .toList();
    }

    private CapMessage.Info capInfo(String language, AlertText text, String senderName, Map<String, DistrictArea> areas, ZoneId zone) {
        return new CapMessage.Info(language, List.of(category),
                text.headline(), List.of(response), urgency, severity, certainty,
                effective.atZone(zone).toOffsetDateTime(), expires == null ? null : expires.atZone(zone).toOffsetDateTime(),
                senderName, text.headline(), text.description(), text.instruction(), null,
                districts.stream().sorted().map(code -> areas.get(code).toCap(code)).toList());
    }

    /** A district as CAP describes it: its name and a circle around its centre. */
    public record DistrictArea(String name, double latitude, double longitude, double radiusKm) {

        CapMessage.Area toCap(String code) {
            return new CapMessage.Area(name, List.of(),
                    List.of("%.4f,%.4f %.1f".formatted(latitude, longitude, radiusKm)),
                    List.of(new CapMessage.Geocode("district", code)));
        }
    }

    public String capIdentifier() {
        return "machi-" + id;
    }

    private void check(Instant now) {
        AlertText japanese = texts.get("ja");
        if (japanese == null || blank(japanese.headline()) || blank(japanese.description())) {
            throw new AlertRuleBroken("alert.rule.japaneseRequired");
        }
        for (AlertText text : texts.values()) {
            if (length(text.headline()) > AlertText.HEADLINE_LIMIT || length(text.description()) > AlertText.TEXT_LIMIT
                    || length(text.instruction()) > AlertText.TEXT_LIMIT) {
                throw new AlertRuleBroken("alert.rule.tooLong");
            }
        }
        if (districts.isEmpty()) {
            throw new AlertRuleBroken("alert.rule.placeRequired");
        }
        if (effective == null) {
            throw new AlertRuleBroken("alert.rule.effectiveRequired");
        }
        if (expires != null && !expires.isAfter(effective)) {
            throw new AlertRuleBroken("alert.rule.expiresBeforeEffective");
        }
        if (expires != null && !expires.isAfter(now)) {
            throw new AlertRuleBroken("alert.rule.expired");
        }
    }

    private void requireState(State required) {
        if (state != required) {
            throw new AlertRuleBroken("alert.rule.wrongState");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    public UUID id() {
        return id;
    }

    public State state() {
        return state;
    }

    public CapMessage.MsgType type() {
        return type;
    }

    public UUID refersTo() {
        return refersTo;
    }

    public String approver() {
        return approver;
    }

    public Map<String, AlertText> texts() {
        return new LinkedHashMap<>(texts);
    }
}

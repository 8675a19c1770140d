package org.machi.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Recorded as the approver of an alert published on a pre-approved template (the four-eyes exception). */
    static final String STANDING_APPROVAL = "pre-approved-template";

    private final UUID id;
    private final CapMessage.MsgType type;
    private final UUID refersTo;
    private final String author;
    private final Instant createdAt;
    private AlertContent content;
    private State state;
    private String approver;
    private Instant publishedAt;

    private Alert(UUID id, CapMessage.MsgType type, UUID refersTo, AlertContent content, String author, Instant createdAt,
                  State state, String approver, Instant publishedAt) {
        this.id = Objects.requireNonNull(id);
        this.type = Objects.requireNonNull(type);
        this.refersTo = refersTo;
        this.content = Objects.requireNonNull(content);
        this.author = Objects.requireNonNull(author);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.state = Objects.requireNonNull(state);
        this.approver = approver;
        this.publishedAt = publishedAt;
    }

    private static Alert newDraft(CapMessage.MsgType type, UUID refersTo, AlertContent content, String author, Instant now) {
        check(content, now);
        return new Alert(UUID.randomUUID(), type, refersTo, content, author, now, State.DRAFT, null, null);
    }

    /** A new alert, as its author drafts it. */
    public static Alert draft(AlertContent content, String author, Instant now) {
        return newDraft(CapMessage.MsgType.ALERT, null, content, author, now);
    }

    /** An alert as it was stored; its rules were checked when it was drafted. */
    public static Alert restore(UUID id, CapMessage.MsgType type, UUID refersTo, AlertContent content, String author,
                                Instant createdAt, State state, String approver, Instant publishedAt) {
        return new Alert(id, type, refersTo, content, author, createdAt, state, approver, publishedAt);
    }

    /** The author changes the draft before handing it over. */
    public void revise(AlertContent revised, String by, Instant now) {
        requireState(State.DRAFT);
        requireAuthor(by);
        if (revised.kind() != content.kind() || revised.exercise() != content.exercise()) {
            throw new AlertRuleBroken("alert.rule.kindFixed");
        }
        check(revised, now);
        content = revised;
    }

    /**
     * A draft that will replace this published alert (more districts, a later expiry, new advice).
     * The kind stays, and an exercise stays an exercise.
     */
    public Alert draftUpdate(AlertContent revised, String by, Instant now) {
        requireState(State.PUBLISHED);
        requireNotACancel();
        if (revised.kind() != content.kind() || revised.exercise() != content.exercise()) {
            throw new AlertRuleBroken("alert.rule.kindFixed");
        }
        return newDraft(CapMessage.MsgType.UPDATE, id, revised, by, now);
    }

    /** A draft that will withdraw this published alert (the order is lifted), for the same districts. */
    public Alert draftCancel(Map<String, AlertText> cancelTexts, String by, Instant now) {
        requireState(State.PUBLISHED);
        requireNotACancel();
        AlertContent cancel = new AlertContent(content.kind(), content.exercise(), CapMessage.Urgency.PAST,
                content.severity(), content.certainty(), cancelTexts, content.districts(), "", now, null, content.area(), null);
        return newDraft(CapMessage.MsgType.CANCEL, id, cancel, by, now);
    }

    /** A published cancel ends its alert for good: nothing updates or cancels it again. */
    private void requireNotACancel() {
        if (type == CapMessage.MsgType.CANCEL) {
            throw new AlertRuleBroken("alert.rule.wrongState");
        }
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
        if (content.expires() != null && !content.expires().isAfter(now)) {
            throw new AlertRuleBroken("alert.rule.expired");
        }
        approver = by;
        publishedAt = now;
        state = State.PUBLISHED;
    }

    /**
     * The author publishes a draft without a second person, under an approval given in advance
     * (the city's pre-approved templates); only for the highest urgency. The caller checks that
     * the city allows it for this draft.
     */
    public void publishUnderStandingApproval(String by, Instant now) {
        requireState(State.DRAFT);
        requireAuthor(by);
        if (content.urgency() != CapMessage.Urgency.IMMEDIATE) {
            throw new AlertRuleBroken("alert.rule.notPreApproved");
        }
        if (content.expires() != null && !content.expires().isAfter(now)) {
            throw new AlertRuleBroken("alert.rule.expired");
        }
        approver = STANDING_APPROVAL;
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

    /** The author throws a draft away. */
    public void discard(String by) {
        requireState(State.DRAFT);
        requireAuthor(by);
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
                && !content.effective().isAfter(now) && (content.expires() == null || content.expires().isAfter(now));
    }

    /** How long before its end an alert in force is pointed out to staff, so that it does not lapse unnoticed. */
    public static final Duration ENDING_SOON = Duration.ofHours(3);

    /** In force, with an end within {@link #ENDING_SOON}: staff are told before residents hear it ended. */
    public boolean endsSoon(Instant now) {
        return inForce(now) && content.expires() != null && content.expires().isBefore(now.plus(ENDING_SOON));
    }

    /**
     * The published alert as CAP 1.2: one info per language, one area per district, and one more
     * for a drawn polygon or circle, each info worded in its own language.
     */
    public CapMessage toCap(String sender, ZoneId zone, Map<String, DistrictArea> areas, Alert referenced, String web,
                            CapWording wording) {
        if (state == State.DRAFT || state == State.AWAITING_APPROVAL) {
            throw new AlertRuleBroken("alert.rule.notPublished");
        }
        List<CapMessage.Reference> references = referenced == null ? List.of()
                : List.of(new CapMessage.Reference(sender, referenced.capIdentifier(), referenced.publishedAt.atZone(zone).toOffsetDateTime()));
        for (String code : content.districts()) {
            if (!areas.containsKey(code)) {
                throw new AlertRuleBroken("alert.rule.unknownDistrict");
            }
        }
        List<CapMessage.Info> infos = new ArrayList<>();
        languagesJapaneseFirst().forEach(language -> infos.add(capInfo(language, areas, zone, web, wording)));
        return new CapMessage(capIdentifier(), sender, publishedAt.atZone(zone).toOffsetDateTime(),
                content.exercise() ? CapMessage.Status.EXERCISE : CapMessage.Status.ACTUAL, type, references, infos);
    }

    private List<String> languagesJapaneseFirst() {
        return content.texts().keySet().stream()
                .sorted((a, b) -> a.equals("ja") ? -1 : b.equals("ja") ? 1 : a.compareTo(b))
                .toList();
    }

    private CapMessage.Info capInfo(String language, Map<String, DistrictArea> areas, ZoneId zone, String web, CapWording wording) {
        AlertText text = content.texts().get(language);
        List<CapMessage.Area> capAreas = new ArrayList<>(content.districts().containsAll(areas.keySet())
                ? List.of(DistrictArea.wholeCity(areas, wording.wholeCity(language)))
                : content.districts().stream().sorted().map(code -> areas.get(code).toCap(code, wording.districtName(code, language))).toList());
        AlertArea drawn = content.area();
        if (!drawn.isEmpty()) {
            capAreas.add(new CapMessage.Area(wording.drawnArea(language), drawn.polygon() == null ? List.of() : List.of(drawn.polygon()),
                    drawn.circle() == null ? List.of() : List.of(drawn.circle()), List.of()));
        }
        List<CapMessage.Resource> resources = content.link() == null ? List.of()
                : List.of(new CapMessage.Resource(content.link(), "text/html", content.link()));
        return new CapMessage.Info(capLanguage(language), List.of(content.kind().category()), wording.event(content.kind(), language),
                List.of(response()),
                content.urgency(), content.severity(), content.certainty(), eventCodes(),
                content.effective().atZone(zone).toOffsetDateTime(),
                content.expires() == null ? null : content.expires().atZone(zone).toOffsetDateTime(),
                wording.senderName(language), text.headline(), text.description(), blankToNull(text.instruction()), web, resources,
                capAreas);
    }

    /** The alert level as structured data, for consumers that act on it (a level in the headline is for people). */
    private List<CapMessage.EventCode> eventCodes() {
        return content.kind().hasLevel()
                ? List.of(new CapMessage.EventCode(AlertKind.LEVEL_CODE, String.valueOf(content.kind().level())))
                : List.of();
    }

    /** やさしい日本語 has no registered language subtag; CAP gets it as a private-use tag. */
    private static String capLanguage(String code) {
        return code.equals("ja-easy") ? "ja-x-easy" : code;
    }

    public CapMessage.ResponseType response() {
        return type == CapMessage.MsgType.CANCEL ? CapMessage.ResponseType.ALL_CLEAR : content.kind().response();
    }

    /** A district as CAP describes it: a circle around its centre, and its code as a geocode. */
    public record DistrictArea(double latitude, double longitude, double radiusKm) {

        CapMessage.Area toCap(String code, String name) {
            return new CapMessage.Area(name, List.of(),
                    List.of(String.format(Locale.ROOT, "%.4f,%.4f %.1f", latitude, longitude, radiusKm)),
                    List.of(new CapMessage.Geocode("district", code)));
        }

        /** Every district of the city as one area, named as the whole city, with each district's circle and code. */
        static CapMessage.Area wholeCity(Map<String, DistrictArea> areas, String name) {
            List<CapMessage.Area> each = areas.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(district -> district.getValue().toCap(district.getKey(), name)).toList();
            return new CapMessage.Area(name, List.of(), each.stream().flatMap(area -> area.circles().stream()).toList(),
                    each.stream().flatMap(area -> area.geocodes().stream()).toList());
        }
    }

    public String capIdentifier() {
        return "machi-" + id;
    }

    /** Throws the first rule the content breaks, as a draft of it would; to check before asking anything else. */
    public static void requireValid(AlertContent content, Instant now) {
        check(content, now);
    }

    private static void check(AlertContent content, Instant now) {
        AlertText japanese = content.texts().get("ja");
        if (japanese == null || blank(japanese.headline()) || blank(japanese.description())) {
            throw new AlertRuleBroken("alert.rule.japaneseRequired");
        }
        for (var entry : content.texts().entrySet()) {
            String code = entry.getKey();
            AlertText text = entry.getValue();
            if (blank(text.headline()) || blank(text.description())) {
                throw new AlertRuleBroken("alert.rule.textIncomplete", (blank(text.headline()) ? "headline-" : "description-") + code);
            }
            if (length(text.headline()) > AlertText.HEADLINE_LIMIT) {
                throw new AlertRuleBroken("alert.rule.tooLong", "headline-" + code);
            }
            if (length(text.description()) > AlertText.TEXT_LIMIT) {
                throw new AlertRuleBroken("alert.rule.tooLong", "description-" + code);
            }
            if (length(text.instruction()) > AlertText.TEXT_LIMIT) {
                throw new AlertRuleBroken("alert.rule.tooLong", "instruction-" + code);
            }
        }
        if (length(content.shelters()) > AlertText.TEXT_LIMIT) {
            throw new AlertRuleBroken("alert.rule.tooLong", "shelters");
        }
        if (content.districts().isEmpty()) {
            throw new AlertRuleBroken("alert.rule.placeRequired");
        }
        if (content.link() != null && !Links.isWebAddress(content.link())) {
            throw new AlertRuleBroken("alert.rule.linkInvalid");
        }
        if (content.effective() == null) {
            throw new AlertRuleBroken("alert.rule.effectiveRequired");
        }
        if (!AlertTimes.possible(content.effective(), now)) {
            throw new AlertRuleBroken("alert.rule.timeOutOfRange", "effective");
        }
        if (!AlertTimes.possible(content.expires(), now)) {
            throw new AlertRuleBroken("alert.rule.timeOutOfRange", "expires");
        }
        if (content.expires() != null && !content.expires().isAfter(content.effective())) {
            throw new AlertRuleBroken("alert.rule.expiresBeforeEffective");
        }
        if (content.expires() != null && !content.expires().isAfter(now)) {
            throw new AlertRuleBroken("alert.rule.expired");
        }
    }

    private void requireState(State required) {
        if (state != required) {
            throw new AlertRuleBroken("alert.rule.wrongState");
        }
    }

    private void requireAuthor(String by) {
        if (!author.equals(by)) {
            throw new AlertRuleBroken("alert.rule.onlyAuthorChanges");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return blank(text) ? null : text;
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

    public String author() {
        return author;
    }

    public String approver() {
        return approver;
    }

    /** Whether the alert went out on the city's standing approval of its template rather than by an approver. */
    public boolean publishedOnStandingApproval() {
        return STANDING_APPROVAL.equals(approver);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public AlertContent content() {
        return content;
    }

    public AlertKind kind() {
        return content.kind();
    }

    public boolean exercise() {
        return content.exercise();
    }

    public Map<String, AlertText> texts() {
        return content.texts();
    }

    public Set<String> districts() {
        return content.districts();
    }
}

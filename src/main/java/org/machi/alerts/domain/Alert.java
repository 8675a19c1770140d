package org.machi.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /** In force, with an end within the warning: staff are told before residents hear it ended. */
    public boolean endsSoon(Duration warning, Instant now) {
        return inForce(now) && content.expires() != null && content.expires().isBefore(now.plus(warning));
    }

    /**
     * When CAP receivers drop this alert unless an update renews it: for an alert in force without an
     * end, its review horizon, while the city's page goes on saying it is in force. Empty for an alert
     * with an end (it ends everywhere at once) or not in force.
     */
    public Optional<Instant> renewalNeededBy(Duration reviewHorizon, Instant now) {
        return inForce(now) && content.expires() == null ? Optional.of(capExpires(reviewHorizon)) : Optional.empty();
    }

    /** Whether {@link #renewalNeededBy} falls within the warning, or has passed: staff must publish an update now. */
    public boolean renewalDue(Duration reviewHorizon, Duration warning, Instant now) {
        return renewalNeededBy(reviewHorizon, now).filter(by -> by.isBefore(now.plus(warning))).isPresent();
    }

    /**
     * The published alert as CAP 1.2: one info per language, each worded in its own language, with
     * the area where it applies. That is each chosen district's boundary (or the city's outline for
     * every district); an area the operator drew replaces them, since it marks the part of the
     * districts concerned. Every area carries the city's 全国地方公共団体コード; a district's also its
     * district code, the whole city's every district's code. An Update or Cancel references every earlier message of its chain, oldest first.
     * An alert without an end expires in CAP at the city's review horizon.
     *
     * @param earlier the messages this one follows, oldest first (empty for an Alert)
     * @param web     the page people read
     */
    public CapMessage toCap(CapCity city, List<Alert> earlier, String web) {
        if (state == State.DRAFT || state == State.AWAITING_APPROVAL) {
            throw new AlertRuleBroken("alert.rule.notPublished");
        }
        if (!isChainBefore(earlier)) {
            throw new IllegalArgumentException("the earlier messages must be the whole chain this one follows, from its original");
        }
        List<CapMessage.Reference> references = earlier.stream()
                .map(message -> new CapMessage.Reference(city.sender(), message.capIdentifier(),
                        message.publishedAt.atZone(city.zone()).toOffsetDateTime()))
                .toList();
        for (String code : content.districts()) {
            if (!city.districts().containsKey(code)) {
                throw new AlertRuleBroken("alert.rule.unknownDistrict");
            }
        }
        List<CapMessage.Info> infos = new ArrayList<>();
        languagesJapaneseFirst().forEach(language -> infos.add(capInfo(language, city, web)));
        return new CapMessage(capIdentifier(), city.sender(), publishedAt.atZone(city.zone()).toOffsetDateTime(),
                content.exercise() ? CapMessage.Status.EXERCISE : CapMessage.Status.ACTUAL, type, references, infos);
    }

    /** Whether the messages run from an original alert through each update to the one this message refers to. */
    private boolean isChainBefore(List<Alert> earlier) {
        UUID follows = refersTo;
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (follows == null || !earlier.get(i).id.equals(follows)) {
                return false;
            }
            follows = earlier.get(i).refersTo;
        }
        return follows == null;
    }

    private List<String> languagesJapaneseFirst() {
        return content.texts().keySet().stream()
                .sorted((a, b) -> a.equals("ja") ? -1 : b.equals("ja") ? 1 : a.compareTo(b))
                .toList();
    }

    private CapMessage.Info capInfo(String language, CapCity city, String web) {
        AlertText text = content.texts().get(language);
        List<CapMessage.Resource> resources = content.link() == null ? List.of()
                : List.of(new CapMessage.Resource(content.link(), "text/html", content.link()));
        return new CapMessage.Info(LanguageTags.of(language), List.of(content.kind().category()), city.wording().event(content.kind(), language),
                List.of(response()),
                content.urgency(), content.severity(), content.certainty(), eventCodes(),
                content.effective().atZone(city.zone()).toOffsetDateTime(),
                capExpires(city.reviewHorizon()).atZone(city.zone()).toOffsetDateTime(),
                city.wording().senderName(language), text.headline(), text.description(), blankToNull(text.instruction()), web, resources,
                capAreas(language, city));
    }

    private List<CapMessage.Area> capAreas(String language, CapCity city) {
        CapWording wording = city.wording();
        AlertArea drawn = content.area();
        if (!drawn.isEmpty()) {
            return List.of(new CapMessage.Area(wording.drawnArea(language), drawn.polygon() == null ? List.of() : List.of(drawn.polygon()),
                    drawn.circle() == null ? List.of() : List.of(drawn.circle()), List.of(city.cityGeocode())));
        }
        if (content.districts().containsAll(city.districts().keySet())) {
            List<CapMessage.Geocode> codes = new ArrayList<>(List.of(city.cityGeocode()));
            city.districts().values().stream().map(CapCity.DistrictArea::geocode).sorted()
                    .forEach(code -> codes.add(new CapMessage.Geocode(CapCity.DISTRICT_CODE, code)));
            return List.of(new CapMessage.Area(wording.wholeCity(language), List.of(city.outline()), List.of(), codes));
        }
        return content.districts().stream().sorted().map(code -> {
            CapCity.DistrictArea district = city.districts().get(code);
            return new CapMessage.Area(wording.districtName(code, language), List.of(district.polygon()), List.of(),
                    List.of(city.cityGeocode(), new CapMessage.Geocode(CapCity.DISTRICT_CODE, district.geocode())));
        }).toList();
    }

    /**
     * CAP's expires: the alert's end, or for an alert without one (an order in force until it is
     * lifted, a cancel) the review horizon after its start or its publication, whichever is later, so
     * that receivers drop a message nobody has renewed, while the page still says it is in force.
     */
    private Instant capExpires(Duration reviewHorizon) {
        if (content.expires() != null) {
            return content.expires();
        }
        Instant from = publishedAt != null && publishedAt.isAfter(content.effective()) ? publishedAt : content.effective();
        return from.plus(reviewHorizon);
    }

    /** The alert level as structured data, for consumers that act on it (a level in the headline is for people). */
    private List<CapMessage.EventCode> eventCodes() {
        return content.kind().hasLevel()
                ? List.of(new CapMessage.EventCode(AlertKind.LEVEL_CODE, String.valueOf(content.kind().level())))
                : List.of();
    }

    public CapMessage.ResponseType response() {
        return type == CapMessage.MsgType.CANCEL ? CapMessage.ResponseType.ALL_CLEAR : content.kind().response();
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

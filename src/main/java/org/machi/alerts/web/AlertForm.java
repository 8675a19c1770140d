package org.machi.alerts.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.machi.alerts.cap.CapMessage;
import org.machi.alerts.domain.Alert;
import org.machi.alerts.domain.AlertArea;
import org.machi.alerts.domain.AlertContent;
import org.machi.alerts.domain.AlertRuleBroken;
import org.machi.alerts.domain.Links;
import org.machi.alerts.domain.AlertKind;
import org.machi.alerts.domain.AlertText;
import org.machi.alerts.publishing.AlertDrafting;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;

/**
 * The alert form as typed: every field as text, so that what was entered can be shown again with
 * the problems. {@link #read} turns it into an alert's content or names each field in error.
 */
public final class AlertForm {

    /** Strict: a day that does not exist (2025-02-30) is refused, never moved to the end of the month. */
    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    public AlertKind kind;
    public boolean exercise;
    public String urgency;
    public String severity;
    public String certainty;
    public Set<String> districts = new LinkedHashSet<>();
    public String shelters = "";
    public String effective = "";
    public String expires = "";
    /** CAP polygon and circle, as the operator typed them; may be empty. */
    public String polygon = "";
    public String circle = "";
    public String link = "";
    /** Per language code: headline, description, instruction. */
    public Map<String, String[]> texts = new LinkedHashMap<>();

    /** A problem with one field: its id in the page and the message key. */
    public record Problem(String field, String key, Object... args) {
    }

    /** A new form for a kind, starting now and lasting the kind's usual time (an order: until lifted). */
    static AlertForm forKind(AlertKind kind, Instant now, ZoneId zone) {
        AlertForm form = new AlertForm();
        form.kind = kind;
        form.exercise = kind.alwaysExercise();
        form.urgency = kind.urgency().name();
        form.severity = kind.severity().name();
        form.certainty = kind.certainty().name();
        form.effective = LOCAL_TIME.format(now.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
        form.expires = kind.usualDuration()
                .map(usual -> LOCAL_TIME.format(now.plus(usual).atZone(zone).truncatedTo(ChronoUnit.MINUTES))).orElse("");
        return form;
    }

    /** The form of an existing alert, to revise it or to draft its update. */
    static AlertForm of(Alert alert, ZoneId zone) {
        AlertContent content = alert.content();
        AlertForm form = new AlertForm();
        form.kind = content.kind();
        form.exercise = content.exercise();
        form.urgency = content.urgency().name();
        form.severity = content.severity().name();
        form.certainty = content.certainty().name();
        form.districts = new LinkedHashSet<>(content.districts());
        form.shelters = content.shelters();
        form.effective = LOCAL_TIME.format(content.effective().atZone(zone));
        form.expires = content.expires() == null ? "" : LOCAL_TIME.format(content.expires().atZone(zone));
        form.polygon = content.area().polygon() == null ? "" : content.area().polygon();
        form.circle = content.area().circle() == null ? "" : content.area().circle();
        form.link = content.link() == null ? "" : content.link();
        content.texts().forEach((language, text) -> form.texts.put(language,
                new String[] {text.headline(), text.description(), text.instruction() == null ? "" : text.instruction()}));
        return form;
    }

    /** Reads the submitted fields (names as the template writes them). */
    static AlertForm from(AlertKind kind, Map<String, String> params, List<String> districts, boolean allDistricts, CityProfile city) {
        AlertForm form = new AlertForm();
        form.kind = kind;
        form.exercise = kind.alwaysExercise() || params.containsKey("exercise");
        form.urgency = params.getOrDefault("urgency", kind.urgency().name());
        form.severity = params.getOrDefault("severity", kind.severity().name());
        form.certainty = params.getOrDefault("certainty", kind.certainty().name());
        if (allDistricts) {
            city.districts().forEach(d -> form.districts.add(d.code()));
        } else if (districts != null) {
            form.districts.addAll(districts);
        }
        form.shelters = normalise(params.getOrDefault("shelters", ""));
        form.effective = params.getOrDefault("effective", "").strip();
        form.expires = params.getOrDefault("expires", "").strip();
        form.polygon = normalise(params.getOrDefault("polygon", ""));
        form.circle = normalise(params.getOrDefault("circle", ""));
        form.link = params.getOrDefault("link", "").strip();
        for (SiteLanguage language : SiteLanguage.values()) {
            String code = language.code();
            form.texts.put(code, new String[] {normalise(params.getOrDefault("headline-" + code, "")),
                    normalise(params.getOrDefault("description-" + code, "")),
                    normalise(params.getOrDefault("instruction-" + code, ""))});
        }
        return form;
    }

    /**
     * The fields checked one by one. Languages left empty are returned without text, and with an
     * area drawn alone, without districts: drafting fills them in. Problems are added to the list;
     * null content if there were any.
     */
    AlertContent read(CityProfile city, List<Problem> problems) {
        Set<String> known = new LinkedHashSet<>();
        city.districts().forEach(d -> known.add(d.code()));
        AlertArea area = new AlertArea(area(polygon, null, city, "polygon", problems).polygon(),
                area(null, circle, city, "circle", problems).circle());
        // an area drawn alone is enough: drafting finds the districts it concerns
        if (districts.isEmpty() && area.isEmpty()) {
            problems.add(new Problem("districts", "alert.rule.placeRequired"));
        } else if (!known.containsAll(districts)) {
            problems.add(new Problem("districts", "alert.form.unknownDistrict"));
        }
        if (!link.isEmpty() && !Links.isWebAddress(link)) {
            problems.add(new Problem("link", "alert.rule.linkInvalid"));
        }
        Instant start = time(effective, city.timeZone());
        if (start == null) {
            problems.add(new Problem("effective", "alert.form.timeInvalid"));
        }
        Instant end = expires.isBlank() ? null : time(expires, city.timeZone());
        if (!expires.isBlank() && end == null) {
            problems.add(new Problem("expires", "alert.form.timeInvalid"));
        }
        CapMessage.Urgency u = value(CapMessage.Urgency.class, urgency, "urgency", problems);
        CapMessage.Severity s = value(CapMessage.Severity.class, severity, "severity", problems);
        CapMessage.Certainty c = value(CapMessage.Certainty.class, certainty, "certainty", problems);
        Map<String, AlertText> written = new LinkedHashMap<>();
        texts.forEach((code, fields) -> {
            boolean headline = !fields[0].isBlank();
            boolean description = !fields[1].isBlank();
            if (headline && description) {
                written.put(code, new AlertText(fields[0], fields[1], fields[2]));
            } else if (headline || description || !fields[2].isBlank()) {
                problems.add(new Problem((headline ? "description-" : "headline-") + code, "alert.form.textIncomplete",
                        SiteLanguage.fromCode(code).map(SiteLanguage::nativeName).orElse(code)));
            }
        });
        if (!problems.isEmpty()) {
            return null;
        }
        return new AlertContent(kind, exercise, u, s, c, written, districts, shelters, start, end, area, link);
    }

    private static AlertArea area(String polygon, String circle, CityProfile city, String field, List<Problem> problems) {
        try {
            return AlertArea.parse(polygon, circle, city.centre().latitude(), city.centre().longitude());
        } catch (AlertRuleBroken broken) {
            problems.add(new Problem(field, broken.messageKey()));
            return AlertArea.NONE;
        }
    }

    /**
     * The form as it is shown again after drafting did not save it: with the districts a drawn
     * area concerns ticked, and the texts drafting makes anew from the template as empty fields.
     */
    void showAgain(AlertDrafting.NotSaved outcome) {
        if (districts.isEmpty()) {
            districts.addAll(outcome.districts());
        }
        if (outcome.textsKept() != null) {
            texts.replaceAll((language, fields) -> outcome.textsKept().contains(language) ? fields : new String[] {"", "", ""});
        }
    }

    /** The problems drafting found, as the form shows them. */
    static List<Problem> problems(List<AlertDrafting.Problem> found) {
        return found.stream().map(problem -> new Problem(problem.field(), problem.key(), problem.args())).toList();
    }

    public String[] text(String language) {
        return texts.getOrDefault(language, new String[] {"", "", ""});
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String field, List<Problem> problems) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            problems.add(new Problem(field, "alert.form.choiceInvalid"));
            return null;
        }
    }

    static Instant time(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text, LOCAL_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * Browsers send line breaks in text areas as CR LF; kept as LF. Other control characters (a
     * vertical tab pasted from a word processor, a NUL) are dropped: XML, and so CAP and Atom,
     * cannot carry them, and PostgreSQL refuses a NUL.
     */
    static String normalise(String text) {
        return CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
    }

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]|[\\uFFFE\\uFFFF]");

    public List<String> urgencies() {
        return names(CapMessage.Urgency.values());
    }

    public List<String> severities() {
        return names(CapMessage.Severity.values());
    }

    public List<String> certainties() {
        return names(CapMessage.Certainty.values());
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return names;
    }
}

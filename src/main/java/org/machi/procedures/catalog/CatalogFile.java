package org.machi.procedures.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.machi.identity.Assurance;
import org.machi.procedures.Channel;
import org.machi.procedures.Fee;
import org.machi.procedures.LifeEvent;
import org.machi.shared.SiteLanguage;

/**
 * The seed file of the catalog ({@value #RESOURCE}): procedures with their texts keyed by language
 * code, each naming the code of the department that handles it (the departments themselves are the
 * city profile's). {@link #problems} lists everything that would make it an incomplete catalog, so a
 * missing translation fails a test rather than showing a resident Japanese.
 */
public record CatalogFile(List<ProcedureSeed> procedures) {

    public static final String RESOURCE = "procedures/catalog.json";

    public record ProcedureSeed(String slug, String department, List<LifeEvent> lifeEvents, String reading, List<String> keywords,
                                Fee.Kind feeKind, Integer feeYen, Integer targetDays, Channel channel, Assurance assurance,
                                List<String> related, Map<String, ProcedureText> texts) {

        public Fee fee() {
            return new Fee(feeKind, feeYen);
        }
    }

    /**
     * What is missing or inconsistent; empty for a complete catalog.
     *
     * @param departmentCodes the codes of the city profile's departments
     */
    public List<String> problems(Set<String> departmentCodes) {
        List<String> problems = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        procedures.forEach(p -> slugs.add(p.slug()));
        Set<String> seen = new HashSet<>();
        for (ProcedureSeed procedure : procedures) {
            String name = "procedure " + procedure.slug();
            if (!seen.add(procedure.slug()) || !procedure.slug().matches("[a-z0-9-]{1,60}")) {
                problems.add(name + ": slug twice or not lower-case letters, digits and dashes");
            }
            if (!departmentCodes.contains(procedure.department())) {
                problems.add(name + ": unknown department " + procedure.department());
            }
            if (procedure.lifeEvents() == null || procedure.keywords() == null || procedure.keywords().isEmpty() || blank(procedure.reading())
                    || !procedure.reading().matches("[\\p{IsHiragana}ー ]+")) {
                problems.add(name + ": needs life events (may be empty), keywords and a reading in hiragana");
            }
            try {
                procedure.fee();
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
            }
            if (procedure.channel() == null || (procedure.channel() == Channel.ONLINE) != (procedure.assurance() != null)) {
                problems.add(name + ": an online procedure needs an assurance level, a counter-only one has none");
            }
            for (String related : procedure.related() == null ? List.<String>of() : procedure.related()) {
                if (!slugs.contains(related)) {
                    problems.add(name + ": unknown related procedure " + related);
                }
            }
            problems.addAll(textProblems(name, procedure));
        }
        return problems;
    }

    private static List<String> textProblems(String name, ProcedureSeed procedure) {
        List<String> problems = new ArrayList<>();
        ProcedureText reference = procedure.texts().get(SiteLanguage.REFERENCE.code());
        if (reference == null) {
            return List.of(name + ": no Japanese text");
        }
        if ((procedure.channel() == Channel.COUNTER_ONLY) == blank(reference.counterOnlyReason())) {
            problems.add(name + ": a counter-only procedure says why, an online one does not");
        }
        if ((procedure.feeKind() == Fee.Kind.VARIES) && blank(reference.feeNote())) {
            problems.add(name + ": a fee that varies needs a note saying on what");
        }
        if (procedure.targetDays() == null && blank(reference.processingNote())) {
            problems.add(name + ": without a target in days the processing note says when");
        }
        for (SiteLanguage language : SiteLanguage.values()) {
            ProcedureText text = procedure.texts().get(language.code());
            String where = name + " in " + language.code();
            if (text == null) {
                problems.add(where + ": missing");
                continue;
            }
            for (Function<ProcedureText, String> required : List.<Function<ProcedureText, String>>of(ProcedureText::title,
                    ProcedureText::summary, ProcedureText::whoMayApply, ProcedureText::proxies)) {
                if (blank(required.apply(text))) {
                    problems.add(where + ": a required text is empty");
                }
            }
            if (text.documents() == null || text.documents().size() != reference.documents().size()
                    || text.documents().stream().anyMatch(d -> blank(d) || d.contains("\n"))) {
                problems.add(where + ": documents differ in number from the Japanese or are empty");
            }
            for (Function<ProcedureText, String> optional : List.<Function<ProcedureText, String>>of(ProcedureText::feeNote,
                    ProcedureText::processingNote, ProcedureText::counterOnlyReason)) {
                if (blank(optional.apply(reference)) != blank(optional.apply(text))) {
                    problems.add(where + ": a note is there in one of Japanese and this language only");
                }
            }
        }
        if (procedure.texts().keySet().stream().anyMatch(code -> SiteLanguage.fromCode(code).isEmpty())) {
            problems.add(name + ": texts in an unknown language");
        }
        return problems;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package org.machi.procedures.editor;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.forms.FormDefinition;
import org.machi.procedures.forms.FormVersion;
import org.machi.procedures.forms.FormVersions;
import org.machi.shared.CityProfile;
import org.machi.shared.SiteLanguage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The form editor of the back office: a procedure's form versions, a draft of the next version
 * edited with plain inputs and buttons (no script, no JSON), its preview as residents will see it,
 * and publication. Every change carries the token of the draft as shown (see {@link FormDrafts}).
 */
@Controller
class FormEditorController {

    private static final String MANAGER = "hasAuthority('MANAGE_PROCEDURES')";
    private static final String BASE = "/staff/procedures/";

    private final Procedures procedures;
    private final FormVersions versions;
    private final FormDrafts drafts;
    private final CityProfile city;

    FormEditorController(Procedures procedures, FormVersions versions, FormDrafts drafts, CityProfile city) {
        this.city = city;
        this.procedures = procedures;
        this.versions = versions;
        this.drafts = drafts;
    }

    /** An online procedure with its versions, newest first. */
    public record Listed(ProcedureView procedure, List<FormVersion> versions, ZoneId zone) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        /** When the version was published, or last saved while a draft, in the city's time. */
        public String changedAt(FormVersion version) {
            return TIME.format((version.published() ? version.publishedAt() : version.createdAt()).atZone(zone));
        }

        public FormVersion current() {
            return versions.stream().filter(FormVersion::published).findFirst().orElse(null);
        }

        public FormVersion draft() {
            return versions.stream().filter(v -> !v.published()).findFirst().orElse(null);
        }
    }

    @GetMapping("/staff/procedures")
    @PreAuthorize(MANAGER)
    String list(Locale locale, Model model) {
        model.addAttribute("procedures", procedures.all(SiteLanguage.of(locale)).stream().filter(ProcedureView::online)
                .map(p -> new Listed(p, versions.versions(p.slug()), city.timeZone())).toList());
        return "procedures/editor/list";
    }

    @GetMapping("/staff/procedures/{slug}")
    @PreAuthorize(MANAGER)
    String procedure(@PathVariable String slug, Locale locale, Model model) {
        ProcedureView procedure = online(slug, locale);
        model.addAttribute("listed", new Listed(procedure, versions.versions(slug), city.timeZone()));
        return "procedures/editor/procedure";
    }

    /** One version, read only, as residents see (or saw) it. */
    @GetMapping("/staff/procedures/{slug}/version")
    @PreAuthorize(MANAGER)
    String version(@PathVariable String slug, @RequestParam(required = false) String number,
                   @RequestParam(name = "in", required = false) String in, Locale locale, Model model) {
        ProcedureView procedure = online(slug, locale);
        FormVersion version = versions.find(slug, versionOf(number))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such version"));
        model.addAttribute("procedure", procedure);
        model.addAttribute("version", version);
        preview(model, version.definition(), in);
        return "procedures/editor/version";
    }

    @PostMapping("/staff/procedures/{slug}/draft")
    @PreAuthorize(MANAGER)
    String startDraft(@PathVariable String slug, Principal staff, Locale locale) {
        online(slug, locale);
        drafts.startDraft(slug, staff.getName());
        return "redirect:" + BASE + slug + "/draft";
    }

    @GetMapping("/staff/procedures/{slug}/draft")
    @PreAuthorize(MANAGER)
    String editor(@PathVariable String slug, @RequestParam(name = "in", required = false) String in, Locale locale, Model model) {
        ProcedureView procedure = online(slug, locale);
        FormDrafts.Draft draft = drafts.draft(slug).orElse(null);
        if (draft == null) {
            return "redirect:" + BASE + slug;
        }
        FormDefinition definition = draft.version().definition();
        DraftForm form = DraftForm.of(definition).number();
        return editorPage(model, procedure, draft.version().version(), draft.token(), form, EditorChecks.of(form, definition),
                null, definition, in);
    }

    @PostMapping("/staff/procedures/{slug}/draft/save")
    @PreAuthorize(MANAGER)
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params, Principal staff, Locale locale,
                HttpServletResponse response, Model model) {
        ProcedureView procedure = online(slug, locale);
        int version = versionOf(params.getFirst("version"));
        String token = params.getFirst("token");
        String action = params.getFirst("action") == null ? "save" : params.getFirst("action");
        String in = params.getFirst("in");
        List<EditorProblem> problems = new ArrayList<>();
        DraftForm form = DraftParams.read(slug, params, problems);
        if (form == null) {
            return refused(response, HttpStatus.BAD_REQUEST, model, procedure, version, token, savedOrEmpty(slug), problems, null, in);
        }
        boolean edit = !action.equals("save") && !action.equals("preview");
        if (edit && !EditorAction.apply(action, form)) {
            problems.add(new EditorProblem("editor", "editor.problem.forged", new Object[0]));
        }
        FormDefinition definition = DraftReading.read(form, problems);
        if (!problems.isEmpty()) {
            return refused(response, HttpStatus.BAD_REQUEST, model, procedure, version, token, form, problems, null, in);
        }
        FormDrafts.Result result = drafts.save(slug, version, token, definition, staff.getName());
        if (result.outcome() != FormDrafts.Outcome.DONE) {
            return refused(response, HttpStatus.CONFLICT, model, procedure, version, token, form, List.of(),
                    "editor.refused." + result.outcome().name(), in);
        }
        String language = SiteLanguage.fromCode(in).map(SiteLanguage::code).orElse(SiteLanguage.REFERENCE.code());
        return "redirect:" + BASE + slug + "/draft?saved&in=" + language + (action.equals("preview") ? "#preview" : anchor(action));
    }

    @GetMapping("/staff/procedures/{slug}/draft/publish")
    @PreAuthorize(MANAGER)
    String confirmPublish(@PathVariable String slug, Locale locale, Model model) {
        ProcedureView procedure = online(slug, locale);
        FormDrafts.Draft draft = drafts.draft(slug).orElse(null);
        if (draft == null) {
            return "redirect:" + BASE + slug;
        }
        return publishPage(model, procedure, draft, List.of(), null);
    }

    @PostMapping("/staff/procedures/{slug}/draft/publish")
    @PreAuthorize(MANAGER)
    String publish(@PathVariable String slug, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String token,
                   @RequestParam(required = false) String confirm, Principal staff, Locale locale, HttpServletResponse response,
                   Model model) {
        ProcedureView procedure = online(slug, locale);
        FormDrafts.Draft draft = drafts.draft(slug).orElse(null);
        if (draft == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("listed", new Listed(procedure, versions.versions(slug), city.timeZone()));
            model.addAttribute("refusal", "editor.refused.NO_DRAFT");
            return "procedures/editor/procedure";
        }
        if (confirm == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return publishPage(model, procedure, draft, List.of(new EditorProblem("confirm", "editor.publish.confirmMissing",
                    new Object[0])), null);
        }
        FormDrafts.Result result = drafts.publish(slug, versionOf(version), token, staff.getName());
        if (result.outcome() == FormDrafts.Outcome.DONE) {
            return "redirect:" + BASE + slug + "?published=" + result.draft().version().version();
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return publishPage(model, procedure, draft, List.of(), "editor.refused." + result.outcome().name());
    }

    @PostMapping("/staff/procedures/{slug}/draft/discard")
    @PreAuthorize(MANAGER)
    String discard(@PathVariable String slug, @RequestParam(required = false) String version,
                   @RequestParam(required = false) String token, Principal staff,
                   Locale locale, HttpServletResponse response, Model model) {
        ProcedureView procedure = online(slug, locale);
        FormDrafts.Result result = drafts.discard(slug, versionOf(version), token, staff.getName());
        if (result.outcome() == FormDrafts.Outcome.DONE) {
            return "redirect:" + BASE + slug + "?discarded";
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("listed", new Listed(procedure, versions.versions(slug), city.timeZone()));
        model.addAttribute("refusal", "editor.refused." + result.outcome().name());
        return "procedures/editor/procedure";
    }

    private String publishPage(Model model, ProcedureView procedure, FormDrafts.Draft draft, List<EditorProblem> problems,
                               String refusal) {
        FormDefinition definition = draft.version().definition();
        DraftForm form = DraftForm.of(definition).number();
        model.addAttribute("procedure", procedure);
        model.addAttribute("draft", draft);
        model.addAttribute("formProblems", EditorChecks.of(form, definition));
        model.addAttribute("problems", problems);
        model.addAttribute("refusal", refusal);
        model.addAttribute("current", versions.current(procedure.slug()).orElse(null));
        return "procedures/editor/publish";
    }

    private String refused(HttpServletResponse response, HttpStatus status, Model model, ProcedureView procedure, int version,
                           String token, DraftForm form, List<EditorProblem> problems, String refusal, String in) {
        response.setStatus(status.value());
        return editorPage(model, procedure, version, token, form, problems, refusal, null, in);
    }

    private String editorPage(Model model, ProcedureView procedure, int version, String token, DraftForm form,
                              List<EditorProblem> problems, String refusal, FormDefinition preview, String in) {
        model.addAttribute("procedure", procedure);
        model.addAttribute("version", version);
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("problemIds", problems.stream().map(EditorProblem::field).collect(Collectors.toSet()));
        model.addAttribute("refusal", refusal);
        model.addAttribute("fieldIds", form.steps.stream().flatMap(s -> s.fields.stream()).map(f -> f.id).distinct().toList());
        model.addAttribute("choices", new EditorChoices());
        preview(model, preview, in);
        return "procedures/editor/editor";
    }

    private static void preview(Model model, FormDefinition definition, String in) {
        SiteLanguage language = SiteLanguage.fromCode(in).orElse(SiteLanguage.REFERENCE);
        model.addAttribute("languages", SiteLanguage.values());
        model.addAttribute("previewLanguage", language);
        model.addAttribute("preview", definition);
    }

    private DraftForm savedOrEmpty(String slug) {
        return drafts.draft(slug).map(d -> DraftForm.of(d.version().definition()).number()).orElseGet(() -> new DraftForm(slug));
    }

    private ProcedureView online(String slug, Locale locale) {
        return procedures.find(slug, SiteLanguage.of(locale)).filter(ProcedureView::online)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such online procedure"));
    }

    private static int versionOf(String version) {
        try {
            return version == null ? 0 : Integer.parseInt(version);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** Where the page opens after a button: the step the button belongs to. */
    private static String anchor(String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return action.equals("add-step") ? "#steps-end" : "";
        }
        String first = action.substring(colon + 1).split("\\.")[0];
        return first.matches("\\d{1,3}") ? "#s" + first : "";
    }
}

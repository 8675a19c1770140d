package org.machi.casework.register;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.machi.shared.CityProfile;
import org.machi.shared.PeopleNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page that imports an extract of the resident register: the current snapshot, the
 * latest imports, and a file upload; a refused file is shown with every problem's line. The page
 * shows counts and line numbers only, never a cell of the file.
 */
@Controller
@PreAuthorize("hasAuthority('IMPORT_REGISTER')")
class RegisterImportController {

    static final String PATH = "/staff/casework/register";

    private final RegisterImports imports;
    private final CityProfile city;
    private final ObjectProvider<PeopleNames> names;

    RegisterImportController(RegisterImports imports, CityProfile city, ObjectProvider<PeopleNames> names) {
        this.imports = imports;
        this.city = city;
        this.names = names;
    }

    /** A problem of the form itself, for the error summary (field id and message key). */
    record FormProblem(String field, String key, Object... args) {
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "imported", required = false) String imported, Model model) {
        fill(model);
        // after the redirect from an import: its counts
        if (imported != null) {
            try {
                imports.snapshot(UUID.fromString(imported)).ifPresent(s -> model.addAttribute("imported", s));
            } catch (IllegalArgumentException notAnId) {
                // an address typed by hand: the page without a notice
            }
        }
        return "casework/register-import";
    }

    @PostMapping(PATH)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication staff, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new FormProblem("file", "casework.register.noFile")));
            fill(model);
            return "casework/register-import";
        }
        ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = imports.importCsv(in, staff.getName());
        }
        if (result instanceof ImportResult.Imported imported) {
            return "redirect:" + PATH + "?imported=" + imported.snapshot().id();
        }
        ImportResult.Refused refused = (ImportResult.Refused) result;
        model.addAttribute("problems", List.of(new FormProblem("file", "casework.register.refused.summary", refused.problemCount())));
        model.addAttribute("refused", refused);
        fill(model);
        return "casework/register-import";
    }

    private void fill(Model model) {
        List<RegisterSnapshot> latest = imports.latest(10);
        model.addAttribute("current", imports.current().orElse(null));
        model.addAttribute("latest", latest);
        model.addAttribute("zone", city.timeZone());
        model.addAttribute("problemsShown", RegisterImports.PROBLEMS_SHOWN);
        Set<String> who = new HashSet<>();
        latest.forEach(s -> who.add(s.importedBy()));
        PeopleNames known = names.getIfAvailable();
        model.addAttribute("names", known == null ? Map.of() : known.namesOf(who));
    }
}

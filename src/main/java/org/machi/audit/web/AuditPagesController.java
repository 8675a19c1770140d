package org.machi.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.shared.CityProfile;
import org.machi.shared.PeopleNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operators' view of the audit trail: is the chain intact, what happened lately (who, by name
 * where the identity module knows it, and what, in the reader's language), and an export.
 */
@Controller
@PreAuthorize("hasAuthority('READ_AUDIT_TRAIL')")
class AuditPagesController {

    private final AuditTrail trail;
    private final Clock clock;
    private final CityProfile city;
    private final ObjectProvider<PeopleNames> names;

    /** Without a module that knows names (the audit module tested alone), people appear by reference. */
    AuditPagesController(AuditTrail trail, Clock clock, CityProfile city, ObjectProvider<PeopleNames> names) {
        this.trail = trail;
        this.clock = clock;
        this.city = city;
        this.names = names;
    }

    @GetMapping("/staff/audit")
    String overview(Model model, Authentication reader) {
        trail.record(AuditRecord.of(reader.getName(), "audit-trail.viewed"));
        model.addAttribute("verification", trail.verify());
        List<AuditEntry> entries = trail.latest(100);
        model.addAttribute("entries", entries);
        PeopleNames known = names.getIfAvailable();
        model.addAttribute("names", known == null ? Map.of()
                : known.namesOf(entries.stream().map(AuditEntry::actor).collect(Collectors.toSet())));
        model.addAttribute("zone", city.timeZone());
        return "audit/overview";
    }

    @GetMapping("/staff/audit/export")
    void export(HttpServletResponse response, Authentication reader) throws IOException {
        trail.record(AuditRecord.of(reader.getName(), "audit-trail.exported"));
        response.setContentType("application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"machi-audit-" + LocalDate.now(clock.withZone(city.timeZone())) + ".jsonl\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        trail.exportJsonLines(out);
    }
}

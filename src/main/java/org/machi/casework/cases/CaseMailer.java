package org.machi.casework.cases;

import java.util.Locale;
import java.util.Map;
import org.machi.casework.CaseState;
import org.machi.casework.CaseStateChanged;
import org.machi.casework.CaseView;
import org.machi.identity.Resident;
import org.machi.identity.Residents;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the applicant on every change of their case's state, once committed, through the one mail
 * path, in the language of their profile: the procedure, the receipt number, the new state, what it
 * means and a link (to the reply page while the department waits for information, else to the
 * application's page). Reasons and requests stay out of the mail (mail is not a safe place for
 * them); the pages show them after sign-in. Counter applicants without an account, and accounts
 * without a mail address (made with the My Number Card), get no mail.
 */
@Component
class CaseMailer {

    private final CaseStore store;
    private final Residents residents;
    private final Procedures procedures;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    CaseMailer(CaseStore store, Residents residents, Procedures procedures, OutgoingMail mail, MessageSource messages, CityProfile city,
               SharedProperties shared) {
        this.store = store;
        this.residents = residents;
        this.procedures = procedures;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(CaseStateChanged changed) {
        CaseView c = store.view(changed.caseId()).orElse(null);
        if (c == null || c.applicant() == null) {
            return;
        }
        residents.find(c.applicant()).filter(CaseMailer::hasAddress).ifPresent(resident -> {
            SiteLanguage language = SiteLanguage.fromCode(resident.profile().preferredLanguage()).orElse(SiteLanguage.REFERENCE);
            Locale locale = language.locale();
            String title = procedures.find(c.procedureSlug(), language).map(ProcedureView::title).orElse(c.procedureSlug());
            String department = city.department(c.department()).map(d -> d.name(language) + " " + d.phone()).orElse("");
            String link = changed.to() == CaseState.NEEDS_INFORMATION ? baseUrl + replyPath(c.id())
                    : baseUrl + "/my/procedures/" + c.applicationId();
            String state = messages.getMessage(changed.to().messageKey(), null, locale);
            String explanation = messages.getMessage("casework.mail.explain." + changed.to().name(), null, locale);
            mail.send(new OutgoingMail.Mail(resident.email(),
                    messages.getMessage("casework.mail.subject", new Object[] {city.name(language), c.receiptNumber()}, locale),
                    messages.getMessage("casework.mail.text", new Object[] {city.name(language), title, c.receiptNumber(), state, explanation,
                            link, department}, locale),
                    Map.of(), "<case-" + c.id() + "-" + changed.transitionId() + "@machi>"));
        });
    }

    /** Where the applicant answers a request for information. */
    static String replyPath(java.util.UUID caseId) {
        return "/my/cases/" + caseId + "/reply";
    }

    private static boolean hasAddress(Resident resident) {
        return resident.email() != null && !resident.email().isBlank() && !resident.email().startsWith("card:");
    }
}

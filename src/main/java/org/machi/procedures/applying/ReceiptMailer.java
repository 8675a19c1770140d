package org.machi.procedures.applying;

import java.util.Locale;
import org.machi.identity.Resident;
import org.machi.identity.Residents;
import org.machi.procedures.ApplicationSubmitted;
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
 * Mails the resident their receipt number once the submission is committed: the procedure, the
 * number, what happens next and a link to the application page. The answers stay out of the mail
 * (mail is not a safe place for them); the PDF receipt is on that page, as OutgoingMail sends
 * plain text only. Accounts made with the My Number Card have no mail address and get no mail.
 */
@Component
class ReceiptMailer {

    private final Residents residents;
    private final Procedures procedures;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    ReceiptMailer(Residents residents, Procedures procedures, OutgoingMail mail, MessageSource messages, CityProfile city,
                  SharedProperties shared) {
        this.residents = residents;
        this.procedures = procedures;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        if (submitted.applicant() == null) {
            return; // filed at the counter for someone who may have no account: the resident took the printed summary
        }
        residents.find(submitted.applicant()).filter(ReceiptMailer::hasAddress).ifPresent(resident -> {
            SiteLanguage language = SiteLanguage.fromCode(resident.profile().preferredLanguage()).orElse(SiteLanguage.REFERENCE);
            Locale locale = language.locale();
            String title = procedures.find(submitted.procedureSlug(), language).map(ProcedureView::title).orElse(submitted.procedureSlug());
            String department = procedures.find(submitted.procedureSlug(), language).map(ProcedureView::department)
                    .map(d -> d.name() + " " + d.phone()).orElse("");
            String link = baseUrl + "/my/procedures/" + submitted.applicationId();
            mail.send(new OutgoingMail.Mail(resident.email(),
                    messages.getMessage("apply.mail.subject", new Object[] {city.name(language), submitted.receiptNumber()}, locale),
                    messages.getMessage("apply.mail.text", new Object[] {city.name(language), title, submitted.receiptNumber(), link,
                            department}, locale),
                    java.util.Map.of(), "<receipt-" + submitted.applicationId() + "@machi>"));
        });
    }

    private static boolean hasAddress(Resident resident) {
        return resident.email() != null && !resident.email().isBlank() && !resident.email().startsWith("card:");
    }
}

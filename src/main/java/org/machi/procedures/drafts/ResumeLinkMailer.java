package org.machi.procedures.drafts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.machi.identity.Resident;
import org.machi.identity.Residents;
import org.machi.procedures.ProcedureView;
import org.machi.procedures.Procedures;
import org.machi.procedures.applying.Applying;
import org.machi.procedures.applying.StoredApplication;
import org.machi.procedures.drafts.ResumeLinkStore.ForMail;
import org.machi.procedures.drafts.ResumeLinkStore.Reason;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.machi.shared.SiteLanguage;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails a resume link to the draft's owner, at the account's confirmed address, in the language
 * the link was made for, after the request that made it was answered. A link voided, used or
 * expired before its turn is not mailed.
 */
@Component
class ResumeLinkMailer {

    private final ResumeLinkStore links;
    private final Residents residents;
    private final Applying applying;
    private final Procedures procedures;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final DraftDates dates;
    private final CityProfile city;
    private final Clock clock;
    private final String baseUrl;
    private final Duration lifetime;

    ResumeLinkMailer(ResumeLinkStore links, Residents residents, Applying applying, Procedures procedures, OutgoingMail mail,
                     MessageSource messages, DraftDates dates, CityProfile city, Clock clock, SharedProperties shared,
                     DraftsProperties properties) {
        this.links = links;
        this.residents = residents;
        this.applying = applying;
        this.procedures = procedures;
        this.mail = mail;
        this.messages = messages;
        this.dates = dates;
        this.city = city;
        this.clock = clock;
        this.baseUrl = shared.baseUrl();
        this.lifetime = properties.linkLifetime();
    }

    @ApplicationModuleListener
    void on(ResumeLinkIssued event) {
        links.forMail(event.linkId(), clock.instant()).ifPresent(this::send);
    }

    private void send(ForMail link) {
        Resident owner = residents.find(link.account()).orElse(null);
        StoredApplication draft = applying.application(link.account(), link.applicationId()).orElse(null);
        if (owner == null || draft == null || draft.draftExpiresAt() == null) {
            return; // the account or the draft went meanwhile
        }
        SiteLanguage language = link.language();
        Locale locale = language.locale();
        String title = procedures.find(draft.procedure(), language).map(ProcedureView::title).orElse(draft.procedure());
        String kind = link.reason() == Reason.REMINDER ? "reminder" : "asked";
        Object[] arguments = {city.name(language), title, baseUrl + DraftsController.CONTINUE + "?token=" + link.token(),
                dates.period(lifetime, locale),
                dates.keptUntil(draft.draftExpiresAt(), locale)};
        mail.send(new OutgoingMail.Mail(owner.email(), messages.getMessage("drafts.mail." + kind + ".subject", arguments, locale),
                messages.getMessage("drafts.mail." + kind + ".text", arguments, locale)));
    }

}

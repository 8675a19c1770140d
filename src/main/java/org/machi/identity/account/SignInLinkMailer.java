package org.machi.identity.account;

import java.util.Locale;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/** Makes and sends an asked-for sign-in link, in the background after the request was answered. */
@Component
class SignInLinkMailer {

    private final SignInLinks links;
    private final Accounts accounts;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    SignInLinkMailer(SignInLinks links, Accounts accounts, OutgoingMail mail, MessageSource messages, CityProfile city,
                     SharedProperties shared) {
        this.links = links;
        this.accounts = accounts;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    /**
     * In memory, not through the event registry, so that no asked address is stored: a request
     * lost in a crash is asked again by the resident, while a link once made is mailed for sure.
     */
    @Async
    @EventListener
    void on(SignInLinkAsked event) {
        links.issueFor(event);
    }

    @ApplicationModuleListener
    void on(SignInLinkRequested event) {
        links.forMail(event.linkId()).ifPresent(link -> accounts.findById(link.accountId()).ifPresent(account -> {
            Locale locale = link.language().locale();
            String cityName = city.name(link.language());
            mail.send(new OutgoingMail.Mail(account.login(),
                    messages.getMessage("signInLink.mail.subject", new Object[] {cityName}, locale),
                    messages.getMessage("signInLink.mail.text", new Object[] {cityName,
                            baseUrl + "/sign-in/link?token=" + link.token(), SignInLinks.LIFETIME.toMinutes()}, locale)));
        }));
    }
}

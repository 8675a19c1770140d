package org.machi.identity.account;

import java.util.Locale;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Sends a requested sign-in link, in the background after the request is stored. */
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

package org.machi.identity.account;

import java.util.Locale;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the sign-up mail after the request is committed, in the background; the event registry
 * keeps the event until the mail has gone, so a crash does not lose it.
 */
@Component
class SignUpMailer {

    private final SignUps signUps;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    SignUpMailer(SignUps signUps, OutgoingMail mail, MessageSource messages, CityProfile city,
                 SharedProperties shared) {
        this.signUps = signUps;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(SignUpRequested event) {
        signUps.forMail(event.requestId()).ifPresent(request -> {
            Locale locale = request.language().locale();
            String cityName = city.name(request.language());
            String subject = messages.getMessage("signUp.mail.subject", new Object[] {cityName}, locale);
            String text = request.accountExists()
                    ? messages.getMessage("signUp.mail.existing", new Object[] {cityName, baseUrl + "/sign-in"}, locale)
                    : messages.getMessage("signUp.mail.link", new Object[] {cityName,
                            baseUrl + "/sign-up/confirm?token=" + request.token(), SignUps.LINK_LIFETIME.toHours()}, locale);
            mail.send(new OutgoingMail.Mail(request.email(), subject, text));
        });
    }
}

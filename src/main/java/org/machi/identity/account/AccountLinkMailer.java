package org.machi.identity.account;

import java.util.Locale;
import org.machi.shared.CityProfile;
import org.machi.shared.OutgoingMail;
import org.machi.shared.SharedProperties;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a requested password-reset link (to the account's address) or address confirmation (to
 * the new address, and a notice without the link to the current one, so that a change nobody
 * asked for does not go unnoticed), in the background after the request is stored.
 */
@Component
class AccountLinkMailer {

    private final AccountTokens tokens;
    private final Accounts accounts;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final CityProfile city;
    private final String baseUrl;

    AccountLinkMailer(AccountTokens tokens, Accounts accounts, OutgoingMail mail, MessageSource messages, CityProfile city,
                      SharedProperties shared) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.mail = mail;
        this.messages = messages;
        this.city = city;
        this.baseUrl = shared.baseUrl();
    }

    @ApplicationModuleListener
    void on(AccountLinkRequested event) {
        tokens.forMail(event.tokenId()).ifPresent(link -> accounts.findById(link.accountId()).ifPresent(account -> {
            Locale locale = link.language().locale();
            String cityName = city.name(link.language());
            boolean reset = link.purpose() == AccountTokens.Purpose.PASSWORD_RESET;
            String prefix = reset ? "passwordReset" : "emailChange";
            String url = baseUrl + (reset ? "/sign-in/reset?token=" : "/account/email/confirm?token=") + link.token();
            long lifetime = reset ? PasswordResets.LIFETIME.toMinutes() : CredentialChanges.EMAIL_LINK_LIFETIME.toHours();
            mail.send(new OutgoingMail.Mail(reset ? account.login() : link.newLogin(),
                    messages.getMessage(prefix + ".mail.subject", new Object[] {cityName}, locale),
                    messages.getMessage(prefix + ".mail.text", new Object[] {cityName, url, lifetime}, locale)));
            if (!reset) {
                mail.send(new OutgoingMail.Mail(account.login(),
                        messages.getMessage("emailChange.notice.subject", new Object[] {cityName}, locale),
                        messages.getMessage("emailChange.notice.text", new Object[] {cityName, baseUrl + "/sign-in"}, locale)));
            }
        }));
    }
}

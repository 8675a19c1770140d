package org.machi.identity.account;

import java.time.Duration;
import org.machi.identity.IdentityProperties;
import org.machi.shared.RateLimits;
import org.machi.shared.RateLimits.Limit;
import org.springframework.stereotype.Component;

/**
 * How many sign-up and sign-in-link mails one address can be sent: a few per address and client,
 * more per address from anywhere, so that the forms cannot flood a mailbox and a stranger's
 * requests do not stop the owner. Counted for every address, known or not, so a refusal tells
 * nothing about accounts. The budgets are the shared {@link RateLimits}.
 */
@Component
public class MailLimits {

    private final RateLimits rates;
    private final Limit signUpPerAddressAndClient;
    private final Limit signUpPerAddress;
    private final Limit linkPerAddressAndClient;
    private final Limit linkPerAddress;

    MailLimits(RateLimits rates, IdentityProperties properties) {
        IdentityProperties.SignUp signUp = properties.signUp();
        IdentityProperties.SignInLink link = properties.signInLink();
        this.rates = rates;
        this.signUpPerAddressAndClient = new Limit("identity.sign-up.mails-per-address-and-client", signUp.mailsPerAddressAndClient(), Duration.ofDays(1));
        this.signUpPerAddress = new Limit("identity.sign-up.mails-per-address", signUp.mailsPerAddress(), Duration.ofDays(1));
        this.linkPerAddressAndClient = new Limit("identity.sign-in-link.mails-per-address-and-client", link.mailsPerAddressAndClient(), Duration.ofHours(1));
        this.linkPerAddress = new Limit("identity.sign-in-link.mails-per-address", link.mailsPerAddress(), Duration.ofDays(1));
    }

    /** Whether one more sign-up mail may go to this address, asked from this client; counts it if so. */
    public boolean allowSignUp(String email, String client) {
        String address = LoginNames.normalize(email);
        return rates.tryTake(signUpPerAddressAndClient, address, client) && rates.tryTake(signUpPerAddress, address);
    }

    /** Whether one more sign-in link may go to this address, asked from this client; counts it if so. */
    public boolean allowSignInLink(String email, String client) {
        String address = LoginNames.normalize(email);
        return rates.tryTake(linkPerAddressAndClient, address, client) && rates.tryTake(linkPerAddress, address);
    }
}

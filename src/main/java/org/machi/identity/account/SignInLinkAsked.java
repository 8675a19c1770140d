package org.machi.identity.account;

/**
 * Someone asked for a sign-in link for an address (sealed, so the event registry keeps no address
 * in clear). Whether the address has an account is found out in the background, so the answer
 * takes the same time either way.
 */
public record SignInLinkAsked(String addressSealed, String language) {
}

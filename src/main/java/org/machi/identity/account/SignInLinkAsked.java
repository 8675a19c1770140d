package org.machi.identity.account;

/**
 * Someone asked for a sign-in link for an address (sealed, should the event ever be stored or
 * shown). Whether the address has an account is found out in the background, so the answer takes
 * the same time either way. Handled in memory only: it is not kept in the event registry.
 */
public record SignInLinkAsked(String addressSealed, String language) {
}

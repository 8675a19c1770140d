package org.machi.identity.account;

import java.util.UUID;

/** A sign-in link was asked for an existing account; the mail goes out in the background. */
public record SignInLinkRequested(UUID linkId) {
}

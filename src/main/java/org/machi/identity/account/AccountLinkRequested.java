package org.machi.identity.account;

import java.util.UUID;

/** A password reset or a new address was asked for an account; its mail goes out in the background. */
public record AccountLinkRequested(UUID tokenId) {
}

package org.machi.identity.account;

import java.util.UUID;

/** Someone asked for an account; the mail goes out after the request is stored. Carries no personal data. */
public record SignUpRequested(UUID requestId) {
}

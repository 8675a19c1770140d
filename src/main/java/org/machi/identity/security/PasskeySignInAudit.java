package org.machi.identity.security;

import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.stereotype.Component;

/** Passkey sign-ins answer in JSON through Spring Security's own handler; their record in the audit trail is made here. */
@Component
class PasskeySignInAudit {

    private final AuditTrail audit;

    PasskeySignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof WebAuthnAuthentication passkey) {
            audit.record(AuditRecord.of(passkey.getName(), "sign-in.passkey.succeeded"));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() != null && event.getAuthentication().getClass().getSimpleName().startsWith("WebAuthn")) {
            audit.record(AuditRecord.of("anonymous", "sign-in.passkey.failed").withDetail(event.getException().getClass().getSimpleName()));
        }
    }
}

package org.machi.identity.security;

import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * The relying party with each new passkey recorded in the audit trail: Spring Security's own
 * registration endpoint answers in JSON and offers no handler to hook into, so the record is made
 * where the credential is stored. The label the person gave the passkey is not recorded.
 */
final class AuditedPasskeyRegistration implements WebAuthnRelyingPartyOperations {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final AuditTrail audit;

    AuditedPasskeyRegistration(WebAuthnRelyingPartyOperations relyingParty, AuditTrail audit) {
        this.relyingParty = relyingParty;
        this.audit = audit;
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        CredentialRecord registered = relyingParty.registerCredential(request);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String reference = who == null ? "anonymous" : who.getName();
        audit.record(AuditRecord.of(reference, "passkey.registered").about(reference, "identity.passkey"));
        return registered;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(PublicKeyCredentialCreationOptionsRequest request) {
        return relyingParty.createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest request) {
        return relyingParty.createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return relyingParty.authenticate(request);
    }
}

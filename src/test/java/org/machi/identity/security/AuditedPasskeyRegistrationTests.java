package org.machi.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.machi.audit.AuditEntry;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.audit.ChainVerification;
import org.springframework.security.authentication.TestingAuthenticationToken;
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

/** A passkey that is stored is on record, for the person who registered it; one that is refused is not. */
class AuditedPasskeyRegistrationTests {

    private final List<AuditRecord> recorded = new ArrayList<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRegisteredPasskeyIsAuditedForItsOwner() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("account:0d9e3c1a-5f4b-4e1e-9a57-3f0c4b2a7e11", null));
        new AuditedPasskeyRegistration(new RelyingParty(false), new Recorder()).registerCredential(null);
        assertThat(recorded).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("passkey.registered");
            assertThat(record.actor()).isEqualTo("account:0d9e3c1a-5f4b-4e1e-9a57-3f0c4b2a7e11");
            assertThat(record.subject()).isEqualTo("account:0d9e3c1a-5f4b-4e1e-9a57-3f0c4b2a7e11");
        });
    }

    @Test
    void aRefusedRegistrationIsNotRecordedAsARegistration() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("account:0d9e3c1a-5f4b-4e1e-9a57-3f0c4b2a7e11", null));
        assertThatThrownBy(() -> new AuditedPasskeyRegistration(new RelyingParty(true), new Recorder()).registerCredential(null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(recorded).isEmpty();
    }

    /** Stores every credential, or refuses every one. */
    private record RelyingParty(boolean refuses) implements WebAuthnRelyingPartyOperations {

        @Override
        public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
            if (refuses) {
                throw new IllegalArgumentException("the attestation does not verify");
            }
            return null;
        }

        @Override
        public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(PublicKeyCredentialCreationOptionsRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublicKeyCredentialRequestOptions createCredentialRequestOptions(PublicKeyCredentialRequestOptionsRequest r) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest r) {
            throw new UnsupportedOperationException();
        }
    }

    /** Keeps what is recorded; nothing else of the trail is used here. */
    private final class Recorder implements AuditTrail {

        @Override
        public AuditEntry record(AuditRecord record) {
            recorded.add(record);
            return null;
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> latest(int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void exportJsonLines(Writer out) {
            throw new UnsupportedOperationException();
        }
    }
}

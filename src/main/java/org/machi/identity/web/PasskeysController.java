package org.machi.identity.web;

import java.time.Instant;
import java.util.List;
import org.machi.audit.AuditRecord;
import org.machi.audit.AuditTrail;
import org.machi.identity.security.MachiUser;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A resident's passkeys: listed on the account page, removed one by one. Registration is Spring Security's endpoint. */
@Controller
class PasskeysController {

    private final Passkeys passkeys;

    PasskeysController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @PostMapping("/account/passkeys/{id}/delete")
    String remove(MachiUser user, @PathVariable String id) {
        passkeys.remove(user, id);
        return "redirect:/account";
    }

    /** One registered passkey as the account page shows it. */
    record PasskeyView(String id, String label, Instant created) {
    }

    @Component
    static class Passkeys {

        private final PublicKeyCredentialUserEntityRepository users;
        private final UserCredentialRepository credentials;
        private final AuditTrail audit;

        Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials, AuditTrail audit) {
            this.users = users;
            this.credentials = credentials;
            this.audit = audit;
        }

        List<PasskeyView> of(MachiUser user) {
            var entity = users.findByUsername(user.getUsername());
            if (entity == null) {
                return List.of();
            }
            return credentials.findByUserId(entity.getId()).stream()
                    .map(c -> new PasskeyView(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated()))
                    .toList();
        }

        /** Removes a passkey of this person; an id that is not theirs (or not an id) changes nothing. */
        void remove(MachiUser user, String id) {
            var entity = users.findByUsername(user.getUsername());
            if (entity == null) {
                return;
            }
            Bytes credentialId;
            try {
                credentialId = Bytes.fromBase64(id);
            } catch (IllegalArgumentException notAnId) {
                return;
            }
            var credential = credentials.findByCredentialId(credentialId);
            if (credential != null && credential.getUserEntityUserId().equals(entity.getId())) {
                credentials.delete(credentialId);
                audit.record(AuditRecord.of(user.getUsername(), "passkey.removed"));
            }
        }
    }
}

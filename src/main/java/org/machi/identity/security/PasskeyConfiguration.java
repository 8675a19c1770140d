package org.machi.identity.security;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import org.machi.audit.AuditTrail;
import org.machi.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkeys (WebAuthn) for residents: the relying party is the city's site ({@code rp-id}, the host
 * residents use), and the origins a passkey may be used from come from configuration, read when a
 * ceremony runs (so that they may name the server's port once it is known).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository users,
                                                       UserCredentialRepository credentials,
                                                       IdentityProperties properties, Environment environment, AuditTrail audit) {
        var relyingParty = PublicKeyCredentialRpEntity.builder().id(properties.passkeys().rpId()).name("Machi").build();
        return new AuditedPasskeyRegistration(
                new Webauthn4JRelyingPartyOperations(users, credentials, relyingParty, new ConfiguredOrigins(environment)), audit);
    }

    /** The allowed origins, read from {@code machi.identity.passkeys.allowed-origins} each time they are needed. */
    private static final class ConfiguredOrigins extends AbstractSet<String> {

        private final Environment environment;

        ConfiguredOrigins(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(environment.getRequiredProperty("machi.identity.passkeys.allowed-origins").split(","))
                    .map(String::strip).filter(o -> !o.isEmpty()).iterator();
        }

        @Override
        public int size() {
            return (int) Arrays.stream(environment.getRequiredProperty("machi.identity.passkeys.allowed-origins").split(","))
                    .filter(o -> !o.isBlank()).count();
        }
    }
}

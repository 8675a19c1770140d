package org.machi.shared.crypto;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.machi.shared.DataProtection;
import org.machi.shared.SigningKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataProtectionConfiguration {

    @Bean
    DataProtection dataProtection(
            @Value("${machi.crypto.personal-data-keyset:}") String personalData,
            @Value("${machi.crypto.lookup-keyset:}") String lookup,
            @Value("${machi.crypto.audit-keyset:}") String audit,
            @Value("${machi.data-dir}") Path dataDir) throws GeneralSecurityException {
        Path keys = dataDir.resolve("keys");
        return new TinkDataProtection(
                Keysets.load(Keysets.Kind.PERSONAL_DATA, personalData, keys),
                Keysets.load(Keysets.Kind.LOOKUP, lookup, keys),
                Keysets.load(Keysets.Kind.AUDIT, audit, keys));
    }

    /** Generated with the other keys; production nodes share it through configuration, as the others. */
    @Bean
    SigningKey signingKey(@Value("${machi.crypto.push-signing-keyset:}") String configured,
                          @Value("${machi.data-dir}") Path dataDir) throws GeneralSecurityException {
        return new TinkSigningKey(Keysets.load(Keysets.Kind.PUSH_SIGNING, configured, dataDir.resolve("keys")));
    }
}

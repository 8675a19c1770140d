package org.machi.shared.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.jwt.JwtEcdsaParameters;
import com.google.crypto.tink.jwt.JwtSignatureConfig;
import com.google.crypto.tink.mac.HmacParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where keysets come from: a Tink JSON keyset given in configuration (production, the same on every
 * node), or else a file under {@code <data-dir>/keys}, generated on the first start of a single-node
 * deployment. Keys are never committed and never logged.
 */
final class Keysets {

    private static final Logger log = LoggerFactory.getLogger(Keysets.class);

    enum Kind {
        PERSONAL_DATA("personal-data", PredefinedAeadParameters.AES256_GCM),
        LOOKUP("lookup", lookupParameters()),
        AUDIT("audit", PredefinedMacParameters.HMAC_SHA256_256BITTAG),
        PUSH_SIGNING("push-signing", pushSigningParameters());

        final String name;
        final Parameters parameters;

        Kind(String name, Parameters parameters) {
            this.name = name;
            this.parameters = parameters;
        }
    }

    static {
        try {
            AeadConfig.register();
            MacConfig.register();
            JwtSignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {
    }

    static KeysetHandle load(Kind kind, String configured, Path keyDirectory) {
        try {
            if (configured != null && !configured.isBlank()) {
                return TinkJsonProtoKeysetFormat.parseKeyset(configured, InsecureSecretKeyAccess.get());
            }
            Path file = keyDirectory.resolve(kind.name + ".json");
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle generated = KeysetHandle.generateNew(kind.parameters);
            Files.createDirectories(keyDirectory);
            createReadableByOwnerOnly(file);
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            log.warn("Generated a new {} keyset in {}. Back it up with the data: without it, protected data cannot be read. "
                    + "Several nodes must share keysets given in configuration (machi.crypto.*).", kind.name, file);
            return generated;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The " + kind.name + " keyset is not a valid Tink JSON keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the " + kind.name + " keyset under " + keyDirectory, e);
        }
    }

    /** A new keyset of the kind, as JSON; for operators' tooling and tests. */
    static String generateJson(Kind kind) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(kind.parameters), InsecureSecretKeyAccess.get());
    }

    /** Lookup hashes must stay the same across rotations of other keys: HMAC tags without a key prefix. */
    private static Parameters lookupParameters() {
        try {
            return HmacParameters.builder()
                    .setKeySizeBytes(32)
                    .setTagSizeBytes(32)
                    .setHashType(HmacParameters.HashType.SHA256)
                    .setVariant(HmacParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** VAPID: ES256 (P-256, SHA-256), no key id in the token. */
    private static Parameters pushSigningParameters() {
        try {
            return JwtEcdsaParameters.builder()
                    .setAlgorithm(JwtEcdsaParameters.Algorithm.ES256)
                    .setKidStrategy(JwtEcdsaParameters.KidStrategy.IGNORED)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void createReadableByOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file); // no POSIX permissions (Windows): the data directory's protection applies
        }
    }
}

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four keysets Machi uses, read from Tink JSON (configuration) or from a file under
 * {@code <data-dir>/keys}, generated on the first start of a single-node deployment
 * ({@link KeysetSource} decides which). Keys are never committed and never logged.
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

    /** The configured keyset, else the file of the single-node deployment, generated on its first start. */
    static KeysetHandle load(Kind kind, String configured, Path keyDirectory) {
        if (configured != null && !configured.isBlank()) {
            return parse(kind, configured);
        }
        Path file = keyDirectory.resolve(kind.name + ".json");
        try {
            Optional<KeysetHandle> existing = readFile(kind, keyDirectory);
            if (existing.isPresent()) {
                return existing.get();
            }
            KeysetHandle generated = generate(kind);
            Files.createDirectories(keyDirectory);
            createReadableByOwnerOnly(file);
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(generated, InsecureSecretKeyAccess.get()));
            log.warn("Generated a new {} keyset in {}. Back it up with the data: without it, protected data cannot be read. "
                    + "Several nodes share keysets through the database (machi.crypto.key-encryption-key) or configuration "
                    + "(machi.crypto.*-keyset).", kind.name, file);
            return generated;
        } catch (GeneralSecurityException e) {
            throw new DataProtectionException("Could not generate the " + kind.name + " keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the " + kind.name + " keyset under " + keyDirectory, e);
        }
    }

    /** A keyset given as Tink JSON; the error never repeats the text. */
    static KeysetHandle parse(Kind kind, String json) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new KeysUnavailableException("The " + kind.name + " keyset is not a valid Tink JSON keyset.",
                    "Give the JSON text of a Tink keyset (machi.crypto." + kind.name + "-keyset), as Tinkey writes it.");
        }
    }

    /** The keyset file of the kind under the directory, if there is one. */
    static Optional<KeysetHandle> readFile(Kind kind, Path keyDirectory) {
        Path file = keyDirectory.resolve(kind.name + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new KeysUnavailableException("The " + kind.name + " keyset file " + file + " is not a valid Tink JSON keyset.",
                    "Restore the file from the backup of this data directory.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + kind.name + " keyset " + file, e);
        }
    }

    static KeysetHandle generate(Kind kind) throws GeneralSecurityException {
        return KeysetHandle.generateNew(kind.parameters);
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

package org.machi.shared.crypto;

import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Operators' commands for rotating keysets kept in the database, run instead of the web
 * application: {@code keys-list}, {@code keys-add KIND} (a new key every node can open with, not
 * yet used to seal) and {@code keys-make-primary KIND KEY-ID} (new data is sealed with it). Nodes
 * read keysets at start, so each step is followed by a restart of every node. Prints key ids and
 * states only, never key material.
 */
@Component
class KeysetCommands implements ApplicationRunner, ExitCodeGenerator {

    /** Lookup hashes and browsers' push subscriptions depend on one key for good. */
    private static final List<Keysets.Kind> ROTATABLE = List.of(Keysets.Kind.PERSONAL_DATA, Keysets.Kind.AUDIT);

    private final KeysetSource keys;
    private final CryptoProperties crypto;
    private int exitCode;

    KeysetCommands(KeysetSource keys, CryptoProperties crypto) {
        this.keys = keys;
        this.crypto = crypto;
    }

    @Override
    public void run(ApplicationArguments args) throws GeneralSecurityException {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !words.get(0).startsWith("keys-")) {
            return;
        }
        Optional<StoredKeysets> stored = keys.stored();
        if (stored.isEmpty()) {
            refuse("These commands change keysets kept in the database; this node has no key-encryption key ("
                    + KeyEncryptionKey.PROPERTY + "). Keysets given in configuration are rotated there, with Tinkey.");
            return;
        }
        switch (words.get(0)) {
            case "keys-list" -> list(stored.get());
            case "keys-add" -> withKind(words, 2, kind -> add(stored.get(), kind));
            case "keys-make-primary" -> withKind(words, 3, kind -> makePrimary(stored.get(), kind, words.get(2)));
            default -> refuse("Unknown command " + words.get(0) + ": keys-list, keys-add KIND, keys-make-primary KIND KEY-ID.");
        }
    }

    private interface KindCommand {
        void run(Keysets.Kind kind) throws GeneralSecurityException;
    }

    private void withKind(List<String> words, int length, KindCommand command) throws GeneralSecurityException {
        Optional<Keysets.Kind> kind = words.size() == length
                ? Arrays.stream(Keysets.Kind.values()).filter(k -> k.name.equals(words.get(1))).findFirst()
                : Optional.empty();
        if (kind.isEmpty() || !ROTATABLE.contains(kind.get())) {
            refuse("Give the keyset to change: personal-data or audit (lookup and push-signing are never rotated).");
        } else if (!crypto.keyset(kind.get()).isBlank()) {
            refuse("The " + kind.get().name + " keyset is given in configuration: rotate it there, with Tinkey.");
        } else {
            command.run(kind.get());
        }
    }

    private void list(StoredKeysets stored) throws GeneralSecurityException {
        for (Keysets.Kind kind : Keysets.Kind.values()) {
            if (crypto.keyset(kind).isBlank()) {
                print(kind, stored.obtain(kind, () -> Keysets.generate(kind)));
            } else {
                System.out.printf("%s: given in configuration%n", kind.name);
            }
        }
    }

    private void add(StoredKeysets stored, Keysets.Kind kind) throws GeneralSecurityException {
        KeysetHandle changed = stored.change(kind, keyset -> {
            try {
                return KeysetHandle.newBuilder(keyset)
                        .addEntry(KeysetHandle.generateEntryFromParameters(kind.parameters).withRandomId().setStatus(KeyStatus.ENABLED))
                        .build();
            } catch (GeneralSecurityException e) {
                throw new DataProtectionException("Could not add a key to the " + kind.name + " keyset", e);
            }
        });
        print(kind, changed);
        System.out.printf("Added key %s. Restart every node; then make it primary with keys-make-primary %s %s.%n",
                id(changed.getAt(changed.size() - 1)), kind.name, id(changed.getAt(changed.size() - 1)));
    }

    private void makePrimary(StoredKeysets stored, Keysets.Kind kind, String keyId) throws GeneralSecurityException {
        KeysetHandle changed = stored.change(kind, keyset -> {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
            for (int i = 0; i < keyset.size(); i++) {
                if (id(keyset.getAt(i)).equals(keyId) && keyset.getAt(i).getStatus() == KeyStatus.ENABLED) {
                    builder.getAt(i).makePrimary();
                    try {
                        return builder.build();
                    } catch (GeneralSecurityException e) {
                        throw new DataProtectionException("Could not change the " + kind.name + " keyset", e);
                    }
                }
            }
            throw new KeysUnavailableException("The " + kind.name + " keyset has no enabled key " + keyId + ".",
                    "See the keys with keys-list.");
        });
        print(kind, changed);
        System.out.printf("Key %s is primary. Restart every node: from then on, new data is sealed with it.%n", keyId);
    }

    private static void print(Keysets.Kind kind, KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            System.out.printf("%s: key %s %s%s%n", kind.name, id(entry), entry.getStatus(), entry.isPrimary() ? " PRIMARY" : "");
        }
    }

    private static String id(KeysetHandle.Entry entry) {
        return Integer.toUnsignedString(entry.getId());
    }

    private void refuse(String message) {
        System.out.println(message);
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads the {@link KeyRing} the {@code encryption.*} store options describe, if any. Stateless. */
public final class EncryptionSettings {

    private EncryptionSettings() {
    }

    /** The key ring, or empty when no key is configured (the store then reads and writes plaintext). */
    public static Optional<KeyRing> keyRing(StoreOptions options, Map<String, String> env) {
        Optional<String> id = nonBlank(options, StoreOptions.ENCRYPTION_KEY_ID);
        Optional<String> file = nonBlank(options, StoreOptions.ENCRYPTION_KEY_FILE);
        Optional<String> var = nonBlank(options, StoreOptions.ENCRYPTION_KEY_ENV);
        Optional<String> previous = nonBlank(options, StoreOptions.ENCRYPTION_PREVIOUS_KEY_FILES);
        if (file.isPresent() && var.isPresent()) {
            throw new EncryptionKeyException("give the encryption key either as a file (" + StoreOptions
                    .ENCRYPTION_KEY_FILE + ") or as an environment variable (" + StoreOptions.ENCRYPTION_KEY_ENV
                    + "), not both");
        }
        if (file.isEmpty() && var.isEmpty()) {
            if (id.isPresent() || previous.isPresent()) {
                throw new EncryptionKeyException("encryption options are set but no key: give "
                        + StoreOptions.ENCRYPTION_KEY_FILE + " or " + StoreOptions.ENCRYPTION_KEY_ENV);
            }
            return Optional.empty();
        }
        EncryptionKey current = file.isPresent()
                ? EncryptionKey.fromFile(id.orElse(null), Path.of(file.get()))
                : EncryptionKey.fromEnv(id.orElse(null), var.get(), env);
        return Optional.of(new KeyRing(current, previousKeys(previous.orElse(""))));
    }

    /** {@code id=path,id=path}. */
    static List<EncryptionKey> previousKeys(String spec) {
        List<EncryptionKey> out = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new EncryptionKeyException("previous encryption key '" + e + "' must be written as "
                        + "key-id=/path/to/key-file");
            }
            out.add(EncryptionKey.fromFile(e.substring(0, eq).strip(), Path.of(e.substring(eq + 1).strip())));
        }
        return out;
    }

    private static Optional<String> nonBlank(StoreOptions options, String key) {
        return options.get(key).map(String::strip).filter(s -> !s.isEmpty());
    }
}

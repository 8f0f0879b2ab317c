package dev.kafkadr.archive.store.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys a store encrypts and decrypts with: the current key (used for every write; its id goes into each object
 * header) and older keys that still decrypt objects written before a rotation. Immutable, thread-safe.
 */
public final class KeyRing {

    private final EncryptionKey current;
    private final List<EncryptionKey> all;

    /**
     * @param current  the key new objects are encrypted with
     * @param previous keys of earlier rotations, for reading only
     */
    public KeyRing(EncryptionKey current, List<EncryptionKey> previous) {
        this.current = current;
        List<EncryptionKey> keys = new ArrayList<>();
        keys.add(current);
        for (EncryptionKey k : previous) {
            if (k.id() == null) {
                throw new EncryptionKeyException("previous encryption key from " + k.source() + " needs a key id");
            }
            if (keys.stream().anyMatch(o -> k.id().equals(o.id()))) {
                throw new EncryptionKeyException("encryption key id '" + k.id() + "' is given twice");
            }
            keys.add(k);
        }
        this.all = List.copyOf(keys);
    }

    /** The key for writing. */
    public EncryptionKey current() {
        return current;
    }

    /** The key for {@code keyId}: one configured with that id, else the current key if it was given without id. */
    public Optional<EncryptionKey> forId(String keyId) {
        for (EncryptionKey k : all) {
            if (keyId.equals(k.id())) {
                return Optional.of(k);
            }
        }
        return current.id() == null ? Optional.of(current) : Optional.empty();
    }

    /** The configured key ids, for messages. */
    public String describeIds() {
        return all.stream().map(k -> k.id() == null ? "(no id)" : "'" + k.id() + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return "KeyRing" + describeIds();
    }
}

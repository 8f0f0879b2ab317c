package dev.kafkadr.archive.store.crypto;

import java.util.List;
import java.util.Random;

/** Deterministic keys for tests. Stateless. */
public final class TestKeys {

    private TestKeys() {
    }

    /** 32 bytes from {@code seed}. */
    public static byte[] bytes(long seed) {
        byte[] b = new byte[EncryptionKey.KEY_BYTES];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static EncryptionKey key(String id, long seed) {
        return EncryptionKey.of(id, bytes(seed), "test key " + id);
    }

    public static KeyRing ring(String id, long seed) {
        return new KeyRing(key(id, seed), List.of());
    }
}

package dev.kafkadr.archive.format;

import java.util.Arrays;
import java.util.Objects;

/** One Kafka record header: a non-null key and a value that may be null (distinct from empty). Immutable. */
public final class ArchivedHeader {

    private final String key;
    private final byte[] value;

    public ArchivedHeader(String key, byte[] value) {
        this.key = Objects.requireNonNull(key, "header key");
        this.value = value;
    }

    public String key() {
        return key;
    }

    /** The value, or null; callers must not modify the array. */
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivedHeader h && key.equals(h.key) && Arrays.equals(value, h.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + (value == null ? "null" : value.length + "B");
    }
}

package dev.kafkadr.archive.format;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Kafka record as the archive keeps it: original offset, timestamp and its type, key, value and headers in order.
 * Null key/value/header values are distinct from empty ones (a null value is a tombstone). Immutable (arrays are
 * shared, not copied: do not modify them).
 */
public final class ArchivedRecord {

    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final byte[] key;
    private final byte[] value;
    private final List<ArchivedHeader> headers;

    public ArchivedRecord(long offset, long timestamp, TimestampType timestampType, byte[] key, byte[] value,
                          List<ArchivedHeader> headers) {
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = Objects.requireNonNull(timestampType, "timestampType");
        this.key = key;
        this.value = value;
        this.headers = List.copyOf(headers);
    }

    public long offset() {
        return offset;
    }

    public long timestamp() {
        return timestamp;
    }

    public TimestampType timestampType() {
        return timestampType;
    }

    /** The key, or null. */
    public byte[] key() {
        return key;
    }

    /** The value, or null for a tombstone. */
    public byte[] value() {
        return value;
    }

    public List<ArchivedHeader> headers() {
        return headers;
    }

    /** Approximate number of payload bytes (key, value, headers), for throughput accounting. */
    public int payloadBytes() {
        int n = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (ArchivedHeader h : headers) {
            n += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivedRecord r && offset == r.offset && timestamp == r.timestamp
                && timestampType == r.timestampType && Arrays.equals(key, r.key) && Arrays.equals(value, r.value)
                && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, timestamp, timestampType, Arrays.hashCode(key), Arrays.hashCode(value), headers);
    }

    @Override
    public String toString() {
        return "ArchivedRecord{offset=" + offset + ", ts=" + timestamp + " " + timestampType
                + ", key=" + (key == null ? "null" : key.length + "B")
                + ", value=" + (value == null ? "null" : value.length + "B") + ", headers=" + headers + "}";
    }
}

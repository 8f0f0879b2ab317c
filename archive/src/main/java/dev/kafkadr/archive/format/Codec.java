package dev.kafkadr.archive.format;

import dev.kafkadr.archive.UsageException;
import java.util.Arrays;
import java.util.Locale;

/** Block compression codecs; ids match Kafka's compression.type ids and are stored in segment headers. Immutable. */
public enum Codec {
    NONE(0),
    GZIP(1),
    SNAPPY(2),
    LZ4(3),
    ZSTD(4);

    private final int id;

    Codec(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** Lowercase name as used in configuration and manifests ("zstd"). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The codec with this header id, or null. */
    public static Codec fromId(int id) {
        for (Codec c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    /** Parses a configured name ("zstd", "LZ4", …). */
    public static Codec fromName(String name) {
        for (Codec c : values()) {
            if (c.name().equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        throw new UsageException("unknown compression codec '" + name + "': expected one of "
                + Arrays.stream(values()).map(Codec::configName).toList());
    }
}

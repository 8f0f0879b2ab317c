package dev.kafkadr.mirror.mm2;

import dev.kafkadr.mirror.plan.KafkaVersion;
import java.util.List;
import java.util.Optional;

/**
 * MirrorMaker 2 keys that exist only in some Kafka versions, so a plan declaring an older or newer Kafka is told
 * which of its keys its MirrorMaker 2 will not know. Every entry is confirmed from Kafka's upgrade notes or KIPs
 * (cited per entry). Immutable and thread-safe.
 */
public final class KeyVersions {

    /**
     * One key's lifetime.
     *
     * @param addedIn     first version with the key, or null if older than anything we support
     * @param removedIn   first version without it, or null if still present
     * @param replacement what to use instead (for removed keys), or null
     * @param source      where this is documented
     */
    public record Entry(String key, KafkaVersion addedIn, KafkaVersion removedIn, String replacement,
                        String source) {
    }

    private static final KafkaVersion V4_0 = KafkaVersion.of(4, 0);

    private static final List<Entry> ENTRIES = List.of(
            new Entry("topics.blacklist", null, V4_0, "topics.exclude", "Kafka 4.0 upgrade notes"),
            new Entry("groups.blacklist", null, V4_0, "groups.exclude", "Kafka 4.0 upgrade notes"),
            new Entry("config.properties.blacklist", null, V4_0, "config.properties.exclude",
                    "Kafka 4.0 upgrade notes"),
            new Entry("use.incremental.alter.configs", null, V4_0,
                    "nothing (incremental alter configs is always used; target brokers must be 2.3+)",
                    "Kafka 4.0 upgrade notes, KIP-894"),
            new Entry("add.source.alias.to.metrics", null, V4_0,
                    "nothing (the source alias is always in the metrics)", "Kafka 4.0 upgrade notes"),
            new Entry("dedicated.mode.enable.internal.rest", KafkaVersion.of(3, 5), null, null, "KIP-710"),
            new Entry("plugin.discovery", KafkaVersion.of(3, 6), null, null, "KIP-898"),
            new Entry("emit.offset-syncs.enabled", KafkaVersion.of(3, 9), null, null, "KIP-1031"),
            new Entry("metric.names.formats", KafkaVersion.of(4, 3), null, null, "KIP-1280"));

    /** Exactly-once replication in MirrorMaker 2 needs at least this version (KIP-618 support in MM2, KIP-710). */
    public static final KafkaVersion EXACTLY_ONCE_SINCE = KafkaVersion.of(3, 5);

    private KeyVersions() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry for {@code key} (compared on its last dotted segments, so {@code a->b.topics.blacklist} matches). */
    public static Optional<Entry> find(String key) {
        return ENTRIES.stream().filter(e -> key.equals(e.key()) || key.endsWith("." + e.key())).findFirst();
    }

    /** Whether {@code key} is missing from {@code version}, or removed there. */
    public static boolean absentIn(Entry e, KafkaVersion version) {
        return e.addedIn() != null && version.isBefore(e.addedIn())
                || e.removedIn() != null && !version.isBefore(e.removedIn());
    }
}

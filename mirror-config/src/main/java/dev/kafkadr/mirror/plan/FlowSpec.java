package dev.kafkadr.mirror.plan;

import java.time.Duration;
import java.util.SortedMap;

/**
 * One replication flow {@code source->target}: what to mirror, how remote topics are named, where offset syncs live,
 * delivery guarantee, parallelism, the RPO it must meet and pass-through MirrorMaker 2 settings. Immutable.
 *
 * @param index             position in the plan's {@code flows} list (for key paths in messages)
 * @param replicationFactor replication factor of remote topics on the target; null means min(3, target brokers)
 * @param config            MirrorMaker 2 connector settings for this flow, written as {@code source->target.KEY}
 */
public record FlowSpec(int index, String source, String target, FlowMode mode, Patterns topics, Patterns groups,
                       ReplicationPolicyKind replicationPolicy, OffsetSyncsLocation offsetSyncs, boolean exactlyOnce,
                       boolean syncGroupOffsets, boolean heartbeats, int tasks, Integer replicationFactor,
                       Duration rpo, SortedMap<String, String> config) {

    public FlowSpec {
        config = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(config));
    }

    /** {@code source->target}, as MirrorMaker 2 names the flow. */
    public String name() {
        return source + "->" + target;
    }

    /** The key path prefix of this flow in the plan file, e.g. {@code flows[1]}. */
    public String path() {
        return "flows[" + index + "]";
    }

    /** How remote topics are named on the target. */
    public enum ReplicationPolicyKind {
        /** {@code DefaultReplicationPolicy}: remote topics are {@code source.topic}; cycles are detected by name. */
        PREFIXED("org.apache.kafka.connect.mirror.DefaultReplicationPolicy"),
        /** {@code IdentityReplicationPolicy}: remote topics keep their names; cannot detect cycles. */
        IDENTITY("org.apache.kafka.connect.mirror.IdentityReplicationPolicy");

        private final String className;

        ReplicationPolicyKind(String className) {
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    /** Whether clients write on one side only or on both sides. */
    public enum FlowMode {
        ACTIVE_PASSIVE, ACTIVE_ACTIVE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Which cluster holds the offset-syncs topic ({@code offset-syncs.topic.location}). */
    public enum OffsetSyncsLocation {
        SOURCE, TARGET;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

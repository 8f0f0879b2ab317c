package dev.kafkadr.mirror.plan;

import java.util.List;
import java.util.SortedMap;

/**
 * One Kafka cluster of the plan: alias, how to reach it, its size (for replication-factor checks), non-secret client
 * settings, references to secret settings, Strimzi access and optional backup-agent settings. Immutable.
 *
 * @param topicReplicationFactor the replication factor this cluster's own topics use, or null if not declared
 * @param agent                  null when no backup-agent config is wanted for this cluster
 */
public record ClusterSpec(String alias, List<String> bootstrapServers, int brokers, int minInsyncReplicas,
                          Integer topicReplicationFactor, SortedMap<String, String> client, SecretRefs secrets,
                          StrimziAccess strimzi, AgentSpec agent) {

    public ClusterSpec {
        bootstrapServers = List.copyOf(bootstrapServers);
        client = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(client));
    }

    /** Bootstrap servers as Kafka expects them: comma-separated. */
    public String bootstrap() {
        return String.join(",", bootstrapServers);
    }
}

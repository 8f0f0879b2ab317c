package dev.kafkadr.archive.manifest;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A topic as it was at a run's cut: partition count, replication factor, the configs that differ from the broker
 * default, and the timestamp type of its records ("CreateTime"/"LogAppendTime", from message.timestamp.type).
 * Immutable.
 */
public record TopicMetadata(String name, String topicId, int partitions, int replicationFactor,
                            SortedMap<String, String> configs, String timestampType) {

    public TopicMetadata {
        configs = configs == null ? new TreeMap<>() : new TreeMap<>(configs);
    }

    public static TopicMetadata of(String name, String topicId, int partitions, int rf, Map<String, String> configs,
                                   String timestampType) {
        return new TopicMetadata(name, topicId, partitions, rf, new TreeMap<>(configs), timestampType);
    }
}

package dev.kafkadr.restore;

import dev.kafkadr.archive.manifest.TopicMetadata;
import java.util.List;
import java.util.Optional;

/**
 * One archived topic to restore: where it goes, its metadata as of the run, and the restore stream of every selected
 * partition that has a backup. Immutable.
 *
 * @param metadata the topic as of the run (partition count, configs), or null if no run recorded it
 */
public record TopicPlan(String sourceTopic, String targetTopic, TopicMetadata metadata,
                        List<PartitionSource> partitions) {

    public TopicPlan {
        partitions = List.copyOf(partitions);
    }

    public Optional<TopicMetadata> metadataIfKnown() {
        return Optional.ofNullable(metadata);
    }

    public Optional<PartitionSource> partition(int partition) {
        return partitions.stream().filter(p -> p.partition() == partition).findFirst();
    }
}

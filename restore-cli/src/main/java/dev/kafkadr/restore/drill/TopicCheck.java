package dev.kafkadr.restore.drill;

import java.util.List;

/** The checks of every partition of one restored topic. Immutable. */
public record TopicCheck(String sourceTopic, String targetTopic, List<PartitionCheck> partitions) {

    public TopicCheck {
        partitions = List.copyOf(partitions);
    }

    public boolean passed() {
        return partitions.stream().allMatch(PartitionCheck::passed);
    }

    public long records() {
        return partitions.stream().mapToLong(PartitionCheck::actualRecords).sum();
    }
}

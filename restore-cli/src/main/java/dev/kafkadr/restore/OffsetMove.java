package dev.kafkadr.restore;

/**
 * One archived committed offset and what it becomes on the target. Immutable.
 *
 * @param targetTopic the restored topic (after --rename), or null if the partition is not restored
 * @param newOffset   the translated offset, or null if the partition is not restored
 */
public record OffsetMove(String group, String sourceTopic, int partition, long archivedOffset, String targetTopic,
                         Long newOffset, String metadata) {

    public boolean restorable() {
        return newOffset != null;
    }
}

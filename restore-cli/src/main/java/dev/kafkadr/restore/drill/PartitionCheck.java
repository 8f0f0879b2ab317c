package dev.kafkadr.restore.drill;

/**
 * One restored partition compared with the archive: record counts and content digests of the restore stream and of
 * what the target partition holds. Immutable.
 */
public record PartitionCheck(String sourceTopic, String targetTopic, int partition, long expectedRecords,
                             long actualRecords, String expectedSha256, String actualSha256) {

    public boolean passed() {
        return expectedRecords == actualRecords && expectedSha256.equals(actualSha256);
    }
}

package dev.kafkadr.archive.manifest;

/**
 * One committed consumer-group offset for a backed-up partition, with the partition's end offset at that moment.
 * Immutable.
 *
 * @param leaderEpoch the committed leader epoch, or null
 */
public record GroupOffset(String topic, int partition, long offset, String metadata, Integer leaderEpoch,
                          long endOffset) {
}

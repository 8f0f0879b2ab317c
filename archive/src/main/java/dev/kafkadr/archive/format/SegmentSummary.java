package dev.kafkadr.archive.format;

/**
 * What a finished segment holds, as recorded in commit records and manifests. Immutable.
 *
 * @param bytes        object size
 * @param sha256       lowercase hex SHA-256 of the whole object
 * @param records      record count
 * @param firstOffset  first record offset, -1 if empty
 * @param lastOffset   last record offset, -1 if empty
 * @param minTimestamp smallest timestamp (Long.MAX_VALUE if empty)
 * @param maxTimestamp largest timestamp (Long.MIN_VALUE if empty)
 * @param blocks       block count
 * @param payloadBytes uncompressed bytes of keys, values and headers
 * @param codec        block codec
 */
public record SegmentSummary(long bytes, String sha256, long records, long firstOffset, long lastOffset,
                             long minTimestamp, long maxTimestamp, int blocks, long payloadBytes, Codec codec) {
}

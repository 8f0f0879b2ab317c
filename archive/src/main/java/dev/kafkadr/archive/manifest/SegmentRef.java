package dev.kafkadr.archive.manifest;

/**
 * A committed data segment as commit records and manifests reference it. Immutable.
 *
 * @param key          object key of the segment
 * @param baseOffset   offset of its first record
 * @param lastOffset   offset of its last record
 * @param records      record count
 * @param bytes        object size
 * @param minTimestamp smallest record timestamp
 * @param maxTimestamp largest record timestamp
 * @param sha256       lowercase hex SHA-256 of the object
 * @param codec        block codec name ("zstd")
 */
public record SegmentRef(String key, long baseOffset, long lastOffset, long records, long bytes, long minTimestamp,
                         long maxTimestamp, String sha256, String codec) {
}

package dev.kafkadr.archive.format;

/**
 * What the index says about one block: where it is, how long, and the offsets and timestamps it holds. Immutable.
 *
 * @param position     byte position of the block header in the segment
 * @param length       block header plus compressed payload, in bytes
 * @param records      number of records
 * @param firstOffset  offset of the first record
 * @param lastOffset   offset of the last record
 * @param minTimestamp smallest record timestamp
 * @param maxTimestamp largest record timestamp
 */
public record BlockInfo(long position, int length, int records, long firstOffset, long lastOffset,
                        long minTimestamp, long maxTimestamp) {
}

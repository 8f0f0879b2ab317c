package dev.kafkadr.archive.manifest;

/**
 * Offsets {@code [from, to)} of a partition that were lost before a backup could read them. Immutable.
 *
 * @param reason why ("RETENTION": the log start offset had moved past the last backed-up offset)
 */
public record OffsetGap(long from, long to, String reason) {

    public static final String RETENTION = "RETENTION";

    public long size() {
        return to - from;
    }
}

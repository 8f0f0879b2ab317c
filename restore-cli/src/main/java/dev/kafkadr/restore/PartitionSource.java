package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.List;

/**
 * Which archived records of one partition a restore writes: every record of the partition's history with
 * {@code fromOffset ≤ offset < endOffset} and, with a point-in-time cut, {@code timestamp ≤ maxTimestamp}, in offset
 * order. This sequence is the partition's <em>restore stream</em>; its record i lands at target offset base + i.
 * Immutable.
 *
 * @param segments       every segment of the partition's history, in offset order
 * @param fromOffset     first original offset restored (the head commit's log start offset, or the archive's start)
 * @param endOffset      offset after the last one restored (the head commit's end offset)
 * @param maxTimestamp   largest timestamp restored, or null for no point-in-time cut
 * @param archiveStart   first offset the archive covers for this partition
 * @param gaps           recorded gaps of the history (for reports)
 */
public record PartitionSource(String topic, int partition, List<SegmentRef> segments, long fromOffset,
                              long endOffset, Long maxTimestamp, long archiveStart, List<OffsetGap> gaps) {

    public PartitionSource {
        segments = List.copyOf(segments);
        gaps = List.copyOf(gaps);
    }

    /** The recorded gaps inside {@code [fromOffset, endOffset)}: offsets the restore stream lacks and goes around. */
    public List<OffsetGap> gapsInRange() {
        return gaps.stream().filter(g -> g.to() > fromOffset && g.from() < endOffset).toList();
    }

    /** One line per gap in range, naming the partition, the missing offsets and why; empty if there is none. */
    public List<String> gapWarnings() {
        return gapsInRange().stream().map(g -> name() + ": offsets [" + g.from() + ", " + g.to() + ") ("
                + g.size() + ") are not in the archive (" + g.reason() + (OffsetGap.RETENTION.equals(g.reason())
                ? ": Kafka deleted them before a backup read them" : "") + "); the restore goes around the gap")
                .toList();
    }

    /** Whether a record belongs to the restore stream. */
    public boolean accepts(ArchivedRecord r) {
        return r.offset() >= fromOffset && r.offset() < endOffset
                && (maxTimestamp == null || r.timestamp() <= maxTimestamp);
    }

    /** True when no record of the segment can belong to the restore stream. */
    public boolean excludes(SegmentRef s) {
        return s.records() == 0 || s.lastOffset() < fromOffset || s.baseOffset() >= endOffset
                || (maxTimestamp != null && s.minTimestamp() > maxTimestamp);
    }

    /** True when every record of the segment belongs to the restore stream, so it can be counted unread. */
    public boolean includesWhole(SegmentRef s) {
        return s.records() > 0 && s.baseOffset() >= fromOffset && s.lastOffset() < endOffset
                && (maxTimestamp == null || s.maxTimestamp() <= maxTimestamp);
    }

    /** The segments that can hold records of the restore stream, in offset order. */
    public List<SegmentRef> relevantSegments() {
        return segments.stream().filter(s -> !excludes(s)).toList();
    }

    /** Offset to start reading {@code s} at. */
    long readFrom(SegmentRef s) {
        return Math.max(s.baseOffset(), fromOffset);
    }

    /** Archived (compressed) bytes of the relevant segments: what a restore reads, roughly. */
    public long archivedBytes() {
        return relevantSegments().stream().mapToLong(SegmentRef::bytes).sum();
    }

    public String name() {
        return topic + "-" + partition;
    }
}

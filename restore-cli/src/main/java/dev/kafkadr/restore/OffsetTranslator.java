package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Translates committed consumer-group offsets of one archived partition to offsets in its restored copy.
 *
 * <p>The rule: committed offset C becomes the target offset of the first restored record whose original offset is
 * ≥ C, or the restored partition's end if there is none. With the restore stream's record i at target offset
 * {@code base + i}, that is {@code base + (number of restored records with original offset < C)}. The rule holds
 * across every kind of gap (compaction, aborted transactions, control records, retention, a point-in-time cut),
 * because it looks only at which records were restored, never at offset arithmetic.
 *
 * <p>A pure function of the restore stream: segments that lie wholly inside the stream and contain no committed
 * offset are counted from their recorded record count without being read. Stateless.
 */
public final class OffsetTranslator {

    private OffsetTranslator() {
    }

    /** Counts, for each committed offset, the restored records below it, and the stream's total length. */
    public static OffsetTranslation translate(PartitionSource source, SegmentSource segments,
                                              Collection<Long> committedOffsets) {
        long[] cs = committedOffsets.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        long[] below = new long[cs.length];
        int ci = 0;
        long count = 0;
        for (SegmentRef s : source.relevantSegments()) {
            while (ci < cs.length && cs[ci] <= s.baseOffset()) {
                below[ci++] = count;
            }
            if (source.includesWhole(s) && (ci == cs.length || cs[ci] > s.lastOffset())) {
                count += s.records();
                continue;
            }
            try (RecordCursor records = segments.open(s, source.readFrom(s))) {
                while (records.hasNext()) {
                    ArchivedRecord r = records.next();
                    if (!source.accepts(r)) {
                        continue;
                    }
                    while (ci < cs.length && cs[ci] <= r.offset()) {
                        below[ci++] = count;
                    }
                    count++;
                }
            }
        }
        while (ci < cs.length) {
            below[ci++] = count;
        }
        SortedMap<Long, Long> map = new TreeMap<>();
        for (int i = 0; i < cs.length; i++) {
            map.put(cs[i], below[i]);
        }
        return new OffsetTranslation(source.name(), count, map);
    }

    /** The number of records in a partition's restore stream. */
    public static long count(PartitionSource source, SegmentSource segments) {
        return translate(source, segments, java.util.List.of()).restoredRecords();
    }
}

package dev.kafkadr.restore.testing;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.restore.RecordCursor;
import dev.kafkadr.restore.SegmentSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Segments held in memory for unit tests of pure logic: segment references with the same metadata the archive
 * records, a {@link SegmentSource} that serves them, and a count of how many segments were opened. Not thread-safe.
 */
public final class MemorySegments implements SegmentSource {

    private final List<SegmentRef> refs = new ArrayList<>();
    private final Map<String, List<ArchivedRecord>> contents = new HashMap<>();
    private int opened;

    /** Adds one segment holding {@code records} (offset order). */
    public MemorySegments segment(List<ArchivedRecord> records) {
        String key = "seg-" + refs.size();
        long min = records.stream().mapToLong(ArchivedRecord::timestamp).min().orElseThrow();
        long max = records.stream().mapToLong(ArchivedRecord::timestamp).max().orElseThrow();
        refs.add(new SegmentRef(key, records.get(0).offset(), records.get(records.size() - 1).offset(),
                records.size(), 100L * records.size(), min, max, "", "none"));
        contents.put(key, List.copyOf(records));
        return this;
    }

    /** Segments of {@code perSegment} records each, from {@code records}. */
    public static MemorySegments of(List<ArchivedRecord> records, int perSegment) {
        MemorySegments m = new MemorySegments();
        for (int i = 0; i < records.size(); i += perSegment) {
            m.segment(records.subList(i, Math.min(records.size(), i + perSegment)));
        }
        return m;
    }

    public List<SegmentRef> refs() {
        return List.copyOf(refs);
    }

    public int opened() {
        return opened;
    }

    @Override
    public RecordCursor open(SegmentRef segment, long fromOffset) {
        opened++;
        Iterator<ArchivedRecord> it = contents.get(segment.key()).stream().filter(r -> r.offset() >= fromOffset)
                .iterator();
        return new RecordCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ArchivedRecord next() {
                return it.next();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}

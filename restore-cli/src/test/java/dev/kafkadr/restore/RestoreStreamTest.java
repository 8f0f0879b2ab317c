package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.CorruptSegmentException;
import dev.kafkadr.restore.testing.MemorySegments;
import dev.kafkadr.restore.testing.TestArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RestoreStreamTest {

    private static List<ArchivedRecord> records(long... offsets) {
        List<ArchivedRecord> out = new ArrayList<>();
        for (long o : offsets) {
            out.add(TestArchive.record(o, 10 * o, "k" + o, "v" + o));
        }
        return out;
    }

    private static PartitionSource source(MemorySegments m, long from, long end, Long maxTs) {
        return new PartitionSource("t", 0, m.refs(), from, end, maxTs, 0, List.of());
    }

    private static List<Long> offsets(RestoreStream s) {
        List<Long> out = new ArrayList<>();
        s.forEachRemaining(r -> out.add(r.offset()));
        return out;
    }

    @Test
    void the_stream_holds_the_records_in_range_in_offset_order_across_segments() {
        MemorySegments m = MemorySegments.of(records(0, 1, 4, 5, 6, 9, 10, 11, 12), 2);
        try (RestoreStream s = RestoreStream.open(source(m, 4, 12, null), m)) {
            assertThat(offsets(s)).containsExactly(4L, 5L, 6L, 9L, 10L, 11L);
        }
    }

    @Test
    void a_point_in_time_cut_drops_later_timestamps_but_keeps_later_offsets_with_earlier_ones() {
        List<ArchivedRecord> recs = new ArrayList<>(records(0, 1, 2));
        recs.add(TestArchive.record(3, 1, "early", "v"));
        MemorySegments m = MemorySegments.of(recs, 2);
        try (RestoreStream s = RestoreStream.open(source(m, 0, 4, 10L), m)) {
            assertThat(offsets(s)).containsExactly(0L, 1L, 3L);
        }
    }

    @Test
    void skipping_passes_over_whole_segments_without_reading_them() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 100).toArray()), 10);
        try (RestoreStream s = RestoreStream.open(source(m, 0, 100, null), m)) {
            s.skip(73);
            assertThat(s.position()).isEqualTo(73);
            assertThat(s.next().offset()).isEqualTo(73);
        }
        assertThat(m.opened()).isEqualTo(1);
    }

    @Test
    void skipping_counts_only_records_of_the_stream_in_partly_included_segments() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 40).toArray()), 10);
        try (RestoreStream s = RestoreStream.open(source(m, 15, 40, 300L), m)) { // offsets 15..30
            s.skip(10);
            assertThat(s.next().offset()).isEqualTo(25);
            assertThat(offsets(s)).containsExactly(26L, 27L, 28L, 29L, 30L);
        }
    }

    @Test
    void skipping_past_the_end_fails() {
        MemorySegments m = MemorySegments.of(records(0, 1, 2), 2);
        try (RestoreStream s = RestoreStream.open(source(m, 0, 3, null), m)) {
            assertThatThrownBy(() -> s.skip(4)).hasMessageContaining("cannot skip 4 records");
        }
    }

    @Test
    void overlapping_segments_fail_as_corrupt_instead_of_duplicating_records() {
        MemorySegments m = new MemorySegments().segment(records(0, 1, 2)).segment(records(2, 3));
        try (RestoreStream s = RestoreStream.open(source(m, 0, 4, null), m)) {
            assertThatThrownBy(() -> offsets(s)).isInstanceOf(CorruptSegmentException.class)
                    .hasMessageContaining("offset 2 of t-0 does not follow offset 2");
        }
    }
}

package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.restore.testing.MemorySegments;
import dev.kafkadr.restore.testing.TestArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OffsetTranslatorTest {

    private static final long BASE = 1000;

    /** Records at the given offsets with timestamp = 10 × offset unless overridden. */
    private static List<ArchivedRecord> records(long... offsets) {
        List<ArchivedRecord> out = new ArrayList<>();
        for (long o : offsets) {
            out.add(TestArchive.record(o, 10 * o, "k" + o, "v" + o));
        }
        return out;
    }

    private static PartitionSource source(MemorySegments m, long from, long end, Long maxTs) {
        return new PartitionSource("t", 0, m.refs(), from, end, maxTs, from, List.<OffsetGap>of());
    }

    private static long translate(MemorySegments m, PartitionSource ps, long committed) {
        return OffsetTranslator.translate(ps, m, List.of(committed)).targetOffset(committed, BASE);
    }

    @Test
    void without_gaps_an_offset_keeps_its_distance_from_the_first_restored_record() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 20).toArray()), 5);
        PartitionSource ps = source(m, 0, 20, null);
        assertThat(translate(m, ps, 0)).isEqualTo(BASE);
        assertThat(translate(m, ps, 7)).isEqualTo(BASE + 7);
        assertThat(translate(m, ps, 19)).isEqualTo(BASE + 19);
    }

    @Test
    void an_offset_inside_a_compaction_gap_goes_to_the_next_surviving_record() {
        // offsets 3-6 and 9 compacted away
        MemorySegments m = MemorySegments.of(records(0, 1, 2, 7, 8, 10, 11), 3);
        PartitionSource ps = source(m, 0, 12, null);
        assertThat(translate(m, ps, 4)).as("inside 3-6 -> record 7 at index 3").isEqualTo(BASE + 3);
        assertThat(translate(m, ps, 7)).isEqualTo(BASE + 3);
        assertThat(translate(m, ps, 9)).as("-> record 10 at index 5").isEqualTo(BASE + 5);
    }

    @Test
    void an_offset_inside_an_aborted_transaction_or_on_a_control_record_goes_to_the_next_committed_record() {
        // 0-9 committed, 10-14 aborted, 15 abort marker, 16-19 committed, 20 commit marker; end 21
        long[] committed = LongStream.concat(LongStream.range(0, 10), LongStream.range(16, 20)).toArray();
        MemorySegments m = MemorySegments.of(records(committed), 4);
        PartitionSource ps = source(m, 0, 21, null);
        assertThat(translate(m, ps, 12)).isEqualTo(BASE + 10);
        assertThat(translate(m, ps, 15)).as("the abort marker").isEqualTo(BASE + 10);
        assertThat(translate(m, ps, 20)).as("the commit marker: nothing after it -> end").isEqualTo(BASE + 14);
    }

    @Test
    void an_offset_inside_a_retention_gap_goes_to_the_first_record_after_it() {
        // run 1 held 0-19, retention then deleted up to 30, run 2 held 30-49: gap [20, 30)
        long[] offsets = LongStream.concat(LongStream.range(0, 20), LongStream.range(30, 50)).toArray();
        MemorySegments m = MemorySegments.of(records(offsets), 10);
        PartitionSource fromEarliest = source(m, 0, 50, null);
        assertThat(translate(m, fromEarliest, 25)).isEqualTo(BASE + 20);
        PartitionSource fromLogStart = source(m, 30, 50, null);
        assertThat(translate(m, fromLogStart, 25)).as("below the first restored record").isEqualTo(BASE);
    }

    @Test
    void an_offset_below_the_first_restored_record_goes_to_the_first_restored_record() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 30).toArray()), 10);
        PartitionSource ps = source(m, 12, 30, null);
        assertThat(translate(m, ps, 0)).isEqualTo(BASE);
        assertThat(translate(m, ps, 11)).isEqualTo(BASE);
        assertThat(translate(m, ps, 12)).isEqualTo(BASE);
        assertThat(translate(m, ps, 13)).isEqualTo(BASE + 1);
    }

    @Test
    void an_offset_at_the_log_end_goes_to_the_restored_end() {
        MemorySegments m = MemorySegments.of(records(0, 1, 2, 5, 6), 2);
        PartitionSource ps = source(m, 0, 9, null);
        OffsetTranslation t = OffsetTranslator.translate(ps, m, List.of(9L, 7L, 100L));
        assertThat(t.restoredRecords()).isEqualTo(5);
        assertThat(t.targetOffset(9, BASE)).isEqualTo(BASE + 5);
        assertThat(t.targetOffset(7, BASE)).as("after the last record, before the end").isEqualTo(BASE + 5);
        assertThat(t.targetOffset(100, BASE)).isEqualTo(BASE + 5);
    }

    @Test
    void an_offset_beyond_a_point_in_time_cut_goes_to_the_restored_end() {
        // timestamps 10 x offset: the cut at 145 keeps offsets 0-14
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 30).toArray()), 10);
        PartitionSource ps = source(m, 0, 30, 145L);
        assertThat(translate(m, ps, 20)).isEqualTo(BASE + 15);
        assertThat(translate(m, ps, 14)).isEqualTo(BASE + 14);
    }

    @Test
    void a_point_in_time_cut_filters_records_by_timestamp_and_does_not_truncate() {
        List<ArchivedRecord> recs = new ArrayList<>(records(0, 1, 2, 3));
        recs.add(TestArchive.record(4, 5, "early", "late offset, early timestamp"));
        recs.add(TestArchive.record(5, 60, "k", "v"));
        MemorySegments m = MemorySegments.of(recs, 3);
        PartitionSource ps = source(m, 0, 6, 25L); // keeps 0, 1, 2 (ts 0-20) and 4 (ts 5)
        assertThat(OffsetTranslator.count(ps, m)).isEqualTo(4);
        assertThat(translate(m, ps, 3)).as("offset 3 (ts 30) is cut: next restored is 4").isEqualTo(BASE + 3);
        assertThat(translate(m, ps, 5)).isEqualTo(BASE + 4);
    }

    @Test
    void an_empty_restore_stream_sends_every_offset_to_the_base() {
        MemorySegments m = MemorySegments.of(records(0, 1, 2), 3);
        PartitionSource ps = source(m, 0, 3, -1L);
        assertThat(translate(m, ps, 0)).isEqualTo(BASE);
        assertThat(translate(m, ps, 2)).isEqualTo(BASE);
    }

    @Test
    void several_offsets_are_translated_in_one_pass_and_whole_segments_without_one_are_not_read() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 100).toArray()), 10);
        PartitionSource ps = source(m, 0, 100, null);
        OffsetTranslation t = OffsetTranslator.translate(ps, m, List.of(55L, 10L, 95L));
        assertThat(t.targetOffset(10, BASE)).isEqualTo(BASE + 10);
        assertThat(t.targetOffset(55, BASE)).isEqualTo(BASE + 55);
        assertThat(t.targetOffset(95, BASE)).isEqualTo(BASE + 95);
        assertThat(t.restoredRecords()).isEqualTo(100);
        assertThat(m.opened()).as("only the segments holding 55 and 95 inside them").isEqualTo(2);
    }

    @Test
    void counting_reads_only_segments_that_straddle_the_start() {
        MemorySegments m = MemorySegments.of(records(LongStream.range(0, 50).toArray()), 10);
        assertThat(OffsetTranslator.count(source(m, 15, 50, null), m)).isEqualTo(35);
        assertThat(m.opened()).isEqualTo(1);
    }
}

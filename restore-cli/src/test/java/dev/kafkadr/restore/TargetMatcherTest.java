package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.restore.testing.MemorySegments;
import dev.kafkadr.restore.testing.TestArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Resume detection and restored-record location: does the target hold a prefix of the restore stream? */
class TargetMatcherTest {

    /** Archived records at offsets 0, 2, 4, … (a compacted source), timestamps 100 + offset. */
    private final List<ArchivedRecord> archived = new ArrayList<>();
    private final MemorySegments segments;
    private final PartitionSource source;
    /** The target partition: target offset → record (with its target offset). */
    private final TreeMap<Long, ArchivedRecord> target = new TreeMap<>();

    TargetMatcherTest() {
        for (int i = 0; i < 30; i++) {
            archived.add(new ArchivedRecord(2L * i, 100 + 2L * i, TimestampType.CREATE_TIME,
                    i % 3 == 0 ? null : TestArchive.bytes("k" + i), TestArchive.bytes("v" + i),
                    List.of(new ArchivedHeader("h", i % 2 == 0 ? null : new byte[0]))));
        }
        segments = MemorySegments.of(archived, 7);
        source = new PartitionSource("src", 0, segments.refs(), 0, 60, null, 0, List.of());
    }

    /** Writes stream records [from, to) at target offsets starting at {@code at}, as the restore producer would. */
    private void written(int from, int to, long at) {
        for (int i = from; i < to; i++) {
            ArchivedRecord a = archived.get(i);
            target.put(at + i - from, new ArchivedRecord(at + i - from, a.timestamp(), TimestampType.CREATE_TIME,
                    a.key(), a.value(), a.headers()));
        }
    }

    private Optional<String> mismatch(long base, long count) {
        TargetMatcher m = new TargetMatcher(segments, (topic, partition, offset, end) ->
                Optional.ofNullable(target.ceilingEntry(offset)).filter(e -> e.getKey() < end)
                        .map(java.util.Map.Entry::getValue));
        return m.mismatch(source, "dst", 0, base, count);
    }

    @Test
    void a_target_holding_the_first_k_stream_records_is_a_prefix() {
        written(0, 17, 0);
        assertThat(mismatch(0, 17)).isEmpty();
    }

    @Test
    void an_empty_target_is_a_prefix_of_length_zero() {
        assertThat(mismatch(0, 0)).isEmpty();
    }

    @Test
    void the_prefix_may_start_at_any_target_offset() {
        written(0, 30, 500);
        assertThat(mismatch(500, 30)).isEmpty();
    }

    @Test
    void a_target_whose_first_record_differs_is_foreign() {
        target.put(0L, TestArchive.record(0, 100, "other", "record"));
        written(1, 5, 1);
        assertThat(mismatch(0, 5)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("target record at offset 0 differs from restore record 0"));
    }

    @Test
    void a_target_whose_last_record_differs_is_not_a_prefix() {
        written(0, 10, 0);
        target.put(9L, TestArchive.record(9, 118, "k9", "changed"));
        assertThat(mismatch(0, 10)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("target record at offset 9 differs from restore record 9"));
    }

    @Test
    void a_target_with_a_hole_is_not_a_prefix() {
        written(0, 5, 0);
        written(6, 11, 5); // record 5 lost, 6-10 written after it: 10 records, last is stream record 10
        assertThat(mismatch(0, 10)).isPresent();
    }

    @Test
    void headers_null_versus_empty_and_timestamps_count() {
        written(0, 3, 0);
        ArchivedRecord r = target.get(2L);
        target.put(2L, new ArchivedRecord(2, r.timestamp(), TimestampType.CREATE_TIME, r.key(), r.value(),
                List.of(new ArchivedHeader("h", new byte[0]))));
        assertThat(mismatch(0, 3)).as("null header value became empty").isPresent();
        written(0, 3, 0);
        r = target.get(2L);
        target.put(2L, new ArchivedRecord(2, r.timestamp() + 1, TimestampType.CREATE_TIME, r.key(), r.value(),
                r.headers()));
        assertThat(mismatch(0, 3)).as("timestamp changed").isPresent();
    }

    @Test
    void a_first_record_compacted_away_on_the_target_is_matched_by_the_next_one() {
        written(0, 12, 0);
        target.remove(0L);
        target.remove(1L);
        assertThat(mismatch(0, 12)).isEmpty();
    }
}

package dev.kafkadr.archive.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SegmentRoundTripTest {

    @ParameterizedTest
    @EnumSource(Codec.class)
    void thousands_of_awkward_records_survive_write_and_read_identically(Codec codec) throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            List<ArchivedRecord> records = RandomRecords.generate(seed * 31 + codec.id(), 2500);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SegmentSummary summary;
            try (SegmentWriter w = new SegmentWriter(out, codec, 0, 64 * 1024)) {
                records.forEach(w::append);
                summary = w.finish();
            }
            byte[] segment = out.toByteArray();

            assertThat(SegmentTestSupport.readSequential(segment, "seed-" + seed))
                    .as("sequential read, seed %d", seed).containsExactlyElementsOf(records);
            try (SegmentSeeker s = SegmentSeeker.open(new SegmentTestSupport.CountingSource(segment, "s"))) {
                assertThat(SegmentTestSupport.drain(s.fromOffset(0))).as("ranged read, seed %d", seed)
                        .containsExactlyElementsOf(records);
            }
            assertThat(summary.bytes()).isEqualTo(segment.length);
            assertThat(summary.sha256()).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(segment)));
            assertThat(summary.records()).isEqualTo(records.size());
            assertThat(summary.firstOffset()).isEqualTo(records.get(0).offset());
            assertThat(summary.lastOffset()).isEqualTo(records.get(records.size() - 1).offset());
            assertThat(summary.blocks()).isGreaterThan(1);
            assertThat(summary.codec()).isEqualTo(codec);
        }
    }

    @Test
    void null_and_empty_stay_distinct_for_key_value_and_header_values() {
        List<ArchivedRecord> records = List.of(
                new ArchivedRecord(0, 10, TimestampType.CREATE_TIME, null, null, List.of()),
                new ArchivedRecord(1, 11, TimestampType.CREATE_TIME, new byte[0], new byte[0], List.of()),
                new ArchivedRecord(5, 9, TimestampType.LOG_APPEND_TIME, new byte[] {1}, null,
                        List.of(new ArchivedHeader("a", null), new ArchivedHeader("a", new byte[0]),
                                new ArchivedHeader("", new byte[] {2}))));
        List<ArchivedRecord> back = SegmentTestSupport.readSequential(
                SegmentTestSupport.write(records, Codec.ZSTD, 1024), "nulls");
        assertThat(back).containsExactlyElementsOf(records);
        assertThat(back.get(0).key()).isNull();
        assertThat(back.get(0).value()).isNull();
        assertThat(back.get(1).key()).isEmpty();
        assertThat(back.get(1).value()).isEmpty();
        assertThat(back.get(2).headers().get(0).value()).isNull();
        assertThat(back.get(2).headers().get(1).value()).isEmpty();
        assertThat(back.get(2).timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
    }

    @Test
    void an_empty_segment_is_valid_and_has_no_records() {
        byte[] segment = SegmentTestSupport.write(List.of(), Codec.ZSTD, 1024);
        assertThat(SegmentTestSupport.readSequential(segment, "empty")).isEmpty();
        try (SegmentSeeker s = SegmentSeeker.open(new SegmentTestSupport.CountingSource(segment, "empty"))) {
            assertThat(s.footer().records()).isZero();
            assertThat(s.footer().firstOffset()).isEqualTo(-1);
            assertThat(s.fromOffset(0).hasNext()).isFalse();
        }
    }

    @Test
    void a_record_bigger_than_the_block_size_gets_a_block_of_its_own() {
        List<ArchivedRecord> records = List.of(
                new ArchivedRecord(0, 1, TimestampType.CREATE_TIME, null, new byte[10], List.of()),
                new ArchivedRecord(1, 1, TimestampType.CREATE_TIME, null, new byte[5 << 20], List.of()),
                new ArchivedRecord(2, 1, TimestampType.CREATE_TIME, null, new byte[10], List.of()));
        byte[] segment = SegmentTestSupport.write(records, Codec.LZ4, 1024);
        assertThat(SegmentTestSupport.readSequential(segment, "big")).containsExactlyElementsOf(records);
    }

    @Test
    void offsets_must_strictly_increase() {
        try (SegmentWriter w = new SegmentWriter(new ByteArrayOutputStream(), Codec.NONE)) {
            w.append(new ArchivedRecord(5, 1, TimestampType.CREATE_TIME, null, null, List.of()));
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            w.append(new ArchivedRecord(5, 1, TimestampType.CREATE_TIME, null, null, List.of())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 5");
        }
    }
}

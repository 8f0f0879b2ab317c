package dev.kafkadr.archive.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SegmentSeekTest {

    private static final int RECORDS = 100_000;
    private static final int VALUE_BYTES = 1000;
    private static byte[] segment;

    /** About 100 MB: 100,000 records of 1 KB, uncompressed, 1 MiB blocks; timestamps rise with offsets. */
    @BeforeAll
    static void write_a_100_mb_segment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(110 << 20);
        try (SegmentWriter w = new SegmentWriter(out, Codec.NONE)) {
            for (int i = 0; i < RECORDS; i++) {
                byte[] v = new byte[VALUE_BYTES];
                v[0] = (byte) i;
                w.append(new ArchivedRecord(2L * i, 1_000_000L + i, TimestampType.CREATE_TIME, null, v, List.of()));
            }
            w.finish();
        }
        segment = out.toByteArray();
        assertThat(segment.length).isGreaterThan(100_000_000);
    }

    @Test
    void seeking_to_an_offset_fetches_only_footer_and_the_blocks_needed() {
        SegmentTestSupport.CountingSource src = new SegmentTestSupport.CountingSource(segment, "big");
        try (SegmentSeeker s = SegmentSeeker.open(src)) {
            long footerBytes = src.fetched.get();
            assertThat(footerBytes).isLessThan(SegmentFormat.HEADER_BYTES + SegmentSeeker.TAIL_FETCH_BYTES + 1);
            Iterator<ArchivedRecord> it = s.fromOffset(2L * 54_321 + 1); // falls in a gap: next is 54,322
            ArchivedRecord first = it.next();
            assertThat(first.offset()).isEqualTo(2L * 54_322);
            for (int i = 0; i < 100; i++) {
                it.next();
            }
            long maxBlock = s.footer().blocks().stream().mapToInt(BlockInfo::length).max().orElseThrow();
            assertThat(src.fetched.get() - footerBytes).as("block bytes fetched").isLessThanOrEqualTo(2 * maxBlock);
        }
    }

    @Test
    void seeking_to_a_timestamp_starts_at_the_first_record_at_or_after_it() {
        SegmentTestSupport.CountingSource src = new SegmentTestSupport.CountingSource(segment, "big");
        try (SegmentSeeker s = SegmentSeeker.open(src)) {
            long footerBytes = src.fetched.get();
            ArchivedRecord first = s.fromTimestamp(1_000_000L + 77_777).next();
            assertThat(first.offset()).isEqualTo(2L * 77_777);
            assertThat(first.timestamp()).isEqualTo(1_000_000L + 77_777);
            long maxBlock = s.footer().blocks().stream().mapToInt(BlockInfo::length).max().orElseThrow();
            assertThat(src.fetched.get() - footerBytes).isLessThanOrEqualTo(maxBlock);
            assertThat(src.fetched.get()).isLessThan(segment.length / 50);
        }
    }

    @Test
    void seeking_past_the_end_fetches_no_block() {
        SegmentTestSupport.CountingSource src = new SegmentTestSupport.CountingSource(segment, "big");
        try (SegmentSeeker s = SegmentSeeker.open(src)) {
            long footerBytes = src.fetched.get();
            assertThat(s.fromOffset(10L * RECORDS).hasNext()).isFalse();
            assertThat(s.fromTimestamp(Long.MAX_VALUE).hasNext()).isFalse();
            assertThat(src.fetched.get()).isEqualTo(footerBytes);
        }
    }
}

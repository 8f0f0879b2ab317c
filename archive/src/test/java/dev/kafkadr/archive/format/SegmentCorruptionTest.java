package dev.kafkadr.archive.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SegmentCorruptionTest {

    private static final String NAME = "clusters/c/topics/t/0/segments/x.kseg";

    private static byte[] sample(Codec codec) {
        // several small blocks so that every structure (header, blocks, end marker, index, trailer) is present
        return SegmentTestSupport.write(RandomRecords.generate(7, 40).stream()
                .map(r -> new ArchivedRecord(r.offset(), r.timestamp(), r.timestampType(), cap(r.key()),
                        cap(r.value()), r.headers()))
                .toList(), codec, 1024);
    }

    private static byte[] cap(byte[] b) {
        return b == null || b.length < 200 ? b : Arrays.copyOf(b, 200);
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"NONE", "ZSTD", "LZ4"})
    void flipping_any_single_byte_fails_the_sequential_read_naming_the_object(Codec codec) {
        byte[] good = sample(codec);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 << (i % 8));
            int pos = i;
            Throwable t = catchThrowable(() -> SegmentTestSupport.readSequential(bad, NAME));
            assertThat(t).as("flip at byte %d of %d", pos, good.length)
                    .isInstanceOfAny(CorruptSegmentException.class, UnsupportedFormatVersionException.class)
                    .hasMessageContaining(NAME);
        }
    }

    @Test
    void flipping_any_single_byte_fails_the_ranged_read_too() {
        byte[] good = sample(Codec.ZSTD);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x40;
            int pos = i;
            Throwable t = catchThrowable(() -> {
                try (SegmentSeeker s = SegmentSeeker.open(new SegmentTestSupport.CountingSource(bad, NAME))) {
                    SegmentTestSupport.drain(s.fromOffset(0));
                }
            });
            // the end marker is not part of a ranged read's path: index and trailer checks cover its position
            if (pos >= endMarkerPosition(good) && pos < endMarkerPosition(good) + 4) {
                continue;
            }
            assertThat(t).as("flip at byte %d", pos)
                    .isInstanceOfAny(CorruptSegmentException.class, UnsupportedFormatVersionException.class)
                    .hasMessageContaining(NAME);
        }
    }

    private static int endMarkerPosition(byte[] segment) {
        try (SegmentSeeker s = SegmentSeeker.open(new SegmentTestSupport.CountingSource(segment, "x"))) {
            return (int) s.footer().indexPosition() - SegmentFormat.END_MARKER_BYTES;
        }
    }

    @Test
    void a_flipped_payload_byte_names_the_block() {
        byte[] bad = sample(Codec.NONE);
        int block2 = (int) SegmentSeeker.open(new SegmentTestSupport.CountingSource(bad, "x")).footer().blocks()
                .get(2).position();
        bad[block2 + SegmentFormat.BLOCK_HEADER_BYTES + 5] ^= 1;
        assertThatThrownBy(() -> SegmentTestSupport.readSequential(bad, NAME))
                .isInstanceOf(CorruptSegmentException.class)
                .hasMessageContaining("corrupt segment " + NAME + " block 2 at byte " + block2)
                .hasMessageContaining("CRC32C mismatch")
                .satisfies(e -> assertThat(((CorruptSegmentException) e).block()).isEqualTo(2));
    }

    @Test
    void every_truncation_fails_as_truncated_or_corrupt() {
        byte[] good = sample(Codec.ZSTD);
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            int l = len;
            assertThat(catchThrowable(() -> SegmentTestSupport.readSequential(cut, NAME)))
                    .as("sequential, truncated to %d", l).isInstanceOf(CorruptSegmentException.class)
                    .hasMessageContaining(NAME);
            assertThat(catchThrowable(() -> {
                try (SegmentSeeker s = SegmentSeeker.open(new SegmentTestSupport.CountingSource(cut, NAME))) {
                    SegmentTestSupport.drain(s.fromOffset(0));
                }
            })).as("ranged, truncated to %d", l).isInstanceOf(CorruptSegmentException.class);
        }
    }

    @Test
    void trailing_garbage_is_rejected() {
        byte[] good = sample(Codec.NONE);
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> SegmentTestSupport.readSequential(longer, NAME))
                .isInstanceOf(CorruptSegmentException.class);
    }

    @Test
    void an_unknown_version_is_rejected_with_a_clear_message() {
        byte[] seg = SegmentTestSupport.write(List.of(), Codec.NONE, 1024);
        seg[5] = 2; // version 2
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(seg, 0, 12);
        java.nio.ByteBuffer.wrap(seg).putInt(12, (int) crc.getValue());
        assertThatThrownBy(() -> SegmentTestSupport.readSequential(seg, NAME))
                .isInstanceOf(UnsupportedFormatVersionException.class)
                .hasMessage(NAME + " has archive format version 2 but this kafka-dr reads versions up to 1");
    }
}

package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked part buffer: filling to capacity across chunks and re-reading the sealed content. */
class PartBufferTest {

    @Test
    void fills_across_chunk_boundaries_up_to_capacity_and_reads_back_repeatably() throws IOException {
        int capacity = PartBuffer.CHUNK * 3 + 17; // last chunk is short
        byte[] data = new byte[capacity + 1000];
        new Random(1).nextBytes(data);
        PartBuffer buf = new PartBuffer(capacity);
        int pos = 0;
        int step = 1;
        while (!buf.isFull()) {
            int n = buf.write(data, pos, Math.min(step, data.length - pos));
            pos += n;
            step = step * 3 + 1;
        }
        assertThat(pos).isEqualTo(capacity);
        assertThat(buf.write(data, pos, 10)).as("a full buffer takes nothing").isZero();
        buf.seal();
        byte[] expected = Arrays.copyOf(data, capacity);
        assertThat(readWithOddBuffer(buf.newStream())).isEqualTo(expected);
        assertThat(buf.newStream().readAllBytes()).isEqualTo(expected);
        InputStream single = buf.newStream();
        assertThat(single.read()).isEqualTo(data[0] & 0xff);
        assertThat(single.skip(capacity)).isEqualTo(capacity - 1);
        assertThat(single.read()).isEqualTo(-1);
    }

    @Test
    void an_empty_buffer_reads_as_empty_and_sealing_stops_writes() throws IOException {
        PartBuffer buf = new PartBuffer(5).seal();
        assertThat(buf.newStream().readAllBytes()).isEmpty();
        assertThatThrownBy(() -> buf.write(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PartBuffer(5).newStream()).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] readWithOddBuffer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[7919];
        int n;
        while ((n = in.read(b, 3, 7000)) != -1) {
            out.write(b, 3, n);
        }
        return out.toByteArray();
    }
}

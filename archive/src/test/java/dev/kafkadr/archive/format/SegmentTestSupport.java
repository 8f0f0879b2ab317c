package dev.kafkadr.archive.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Writes and reads segments in memory for tests, counting the bytes a seeking reader fetches. */
final class SegmentTestSupport {

    private SegmentTestSupport() {
    }

    static byte[] write(List<ArchivedRecord> records, Codec codec, int blockBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SegmentWriter w = new SegmentWriter(out, codec, 0, blockBytes)) {
            records.forEach(w::append);
            w.finish();
        }
        return out.toByteArray();
    }

    static List<ArchivedRecord> readSequential(byte[] segment, String name) {
        List<ArchivedRecord> out = new ArrayList<>();
        try (SegmentReader r = SegmentReader.open(new ByteArrayInputStream(segment), name)) {
            r.forEachRemaining(out::add);
            r.footer();
        }
        return out;
    }

    static List<ArchivedRecord> drain(Iterator<ArchivedRecord> it) {
        List<ArchivedRecord> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** A RangeSource over a byte array that counts every byte handed out. */
    static final class CountingSource implements RangeSource {
        final byte[] data;
        final String name;
        final AtomicLong fetched = new AtomicLong();
        final AtomicLong requests = new AtomicLong();

        CountingSource(byte[] data, String name) {
            this.data = data;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream open(long position, long length) {
            int from = (int) Math.min(position, data.length);
            int to = (int) Math.min(position + length, data.length);
            fetched.addAndGet(to - from);
            requests.incrementAndGet();
            return new ByteArrayInputStream(Arrays.copyOfRange(data, from, to));
        }
    }
}

package dev.kafkadr.archive.store.hdfs;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Reads {@code [offset, offset + length)} of an HDFS file with positioned reads ({@code pread}), which do not move
 * the stream's own position and fetch only the blocks the range touches. Ends early where the file ends.
 * Not thread-safe.
 */
final class PositionedRangeStream extends InputStream {

    private final FSDataInputStream in;
    private long position;
    private final long end;

    PositionedRangeStream(FSDataInputStream in, long offset, long length) {
        this.in = in;
        this.position = offset;
        long e = offset + length;
        this.end = e < offset ? Long.MAX_VALUE : e;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int want = (int) Math.min(len, end - position);
        for (int attempt = 0; attempt < 3; attempt++) {
            int n = in.read(position, b, off, want);
            if (n != 0) {
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        }
        throw new IOException("positioned read at " + position + " made no progress");
    }

    @Override
    public long skip(long n) {
        long s = Math.max(0, Math.min(n, end - position));
        position += s;
        return s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

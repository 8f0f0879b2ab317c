package dev.kafkadr.archive.store.s3;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one part being filled, held in fixed-size chunks allocated as data arrives, so a small object never
 * costs a whole part and a full part is never copied. After {@link #seal()} it can be read any number of times
 * (the SDK re-reads a body to sign or retry it). Not thread-safe while filling; immutable once sealed.
 */
final class PartBuffer {

    static final int CHUNK = 256 * 1024;

    private final long capacity;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean sealed;

    PartBuffer(long capacity) {
        this.capacity = capacity;
    }

    long size() {
        return size;
    }

    long remaining() {
        return capacity - size;
    }

    boolean isFull() {
        return size == capacity;
    }

    /** Copies up to {@link #remaining()} bytes of {@code b[off, off+len)}; returns how many were taken. */
    int write(byte[] b, int off, int len) {
        if (sealed) {
            throw new IllegalStateException("part buffer is sealed");
        }
        int taken = (int) Math.min(len, remaining());
        int done = 0;
        while (done < taken) {
            int inChunk = (int) (size % CHUNK);
            if (inChunk == 0 && chunks.size() * (long) CHUNK == size) {
                chunks.add(new byte[(int) Math.min(CHUNK, capacity - size)]);
            }
            byte[] chunk = chunks.get(chunks.size() - 1);
            int n = Math.min(taken - done, chunk.length - inChunk);
            System.arraycopy(b, off + done, chunk, inChunk, n);
            done += n;
            size += n;
        }
        return taken;
    }

    /** Ends filling; the content can now be read by {@link #newStream()}. */
    PartBuffer seal() {
        sealed = true;
        return this;
    }

    /** A fresh stream over the whole content; each call starts at the beginning. */
    InputStream newStream() {
        if (!sealed) {
            throw new IllegalStateException("part buffer is still being filled");
        }
        return new ChunkStream();
    }

    /** Reads the sealed chunks in order. */
    private final class ChunkStream extends InputStream {
        private long pos;

        @Override
        public int read() {
            if (pos >= size) {
                return -1;
            }
            int b = chunks.get((int) (pos / CHUNK))[(int) (pos % CHUNK)] & 0xff;
            pos++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            int done = 0;
            while (done < n) {
                byte[] chunk = chunks.get((int) ((pos + done) / CHUNK));
                int inChunk = (int) ((pos + done) % CHUNK);
                int step = Math.min(n - done, chunk.length - inChunk);
                System.arraycopy(chunk, inChunk, b, off + done, step);
                done += step;
            }
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, size - pos));
            pos += s;
            return s;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - pos);
        }
    }
}

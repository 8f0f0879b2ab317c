package dev.kafkadr.archive.format;

import java.io.OutputStream;
import java.util.Arrays;

/** A reusable, growable byte buffer (like ByteArrayOutputStream without synchronization or copies). Not thread-safe. */
final class GrowableBytes extends OutputStream {

    private byte[] buf;
    private int size;

    GrowableBytes(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void setSize(int newSize) {
        ensureCapacity(newSize);
        size = newSize;
    }

    void ensureCapacity(int capacity) {
        if (capacity > buf.length) {
            long grown = Math.max((long) buf.length * 2, capacity);
            buf = Arrays.copyOf(buf, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
    }

    /** Makes room for {@code n} more bytes and returns the position to write them at. */
    int reserve(int n) {
        ensureCapacity(size + n);
        return size;
    }

    void advanceTo(int pos) {
        size = pos;
    }

    @Override
    public void write(int b) {
        ensureCapacity(size + 1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensureCapacity(size + len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }
}

package dev.kafkadr.archive.store.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Reads sealed chunks from a stored object's bytes (starting at chunk {@code first}) and returns the plaintext,
 * skipping {@code skip} leading plaintext bytes and stopping after {@code limit}. A chunk counts as the last when
 * the stored bytes end right after it, so a truncated object fails its last chunk's tag. Not thread-safe.
 */
final class DecryptingInputStream extends InputStream {

    private final PushbackInputStream raw;
    private final ObjectCipher cipher;
    private final String object;
    private final byte[] sealed = new byte[ObjectCipher.CHUNK_BYTES + ObjectCipher.TAG_BYTES];
    private final byte[] plain = new byte[ObjectCipher.CHUNK_BYTES];
    private long chunk;
    private long skip;
    private long remaining;
    private int pos;
    private int end;
    private boolean lastSeen;
    private final boolean whole;

    /** @param whole whether {@code raw} is the whole object after the header (then at least one chunk must follow) */
    DecryptingInputStream(InputStream raw, ObjectCipher cipher, String object, long first, long skip, long limit,
                          boolean whole) {
        this.whole = whole;
        this.raw = new PushbackInputStream(raw, 1);
        this.cipher = cipher;
        this.object = object;
        this.chunk = first;
        this.skip = skip;
        this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        while (pos == end) {
            if (lastSeen || remaining == 0 || !nextChunk()) {
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(len, end - pos), remaining);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        remaining -= n;
        return n;
    }

    /** Opens the next chunk into the plaintext buffer; false at a clean end of the fetched bytes. */
    private boolean nextChunk() throws IOException {
        int n = raw.readNBytes(sealed, 0, sealed.length);
        if (n == 0) {
            if (whole) {
                throw new TamperedObjectException(object, "chunk " + chunk + " is missing (truncated)");
            }
            return false; // the fetched range ended on a chunk boundary before the object's last chunk
        }
        boolean last = n < sealed.length || atEnd();
        int length = cipher.open(chunk, last, sealed, n, plain, object);
        chunk++;
        lastSeen = last;
        int from = (int) Math.min(skip, length);
        skip -= from;
        pos = from;
        end = length;
        return true;
    }

    private boolean atEnd() throws IOException {
        int next = raw.read();
        if (next < 0) {
            return true;
        }
        raw.unread(next);
        return false;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}

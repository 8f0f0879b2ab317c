package dev.kafkadr.archive.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A streaming write of one object: write the bytes, then {@link #commit()} to make the object visible (durably)
 * under its key. {@link #close()} without a commit aborts and discards everything written; so does {@link #abort()}.
 * Holds a bounded amount of memory whatever the object size. Not thread-safe.
 *
 * <p>This class owns the life cycle (one commit or one abort, nothing after it, a failed write or commit discards
 * the upload, byte counting); a store implements only {@link #writeBytes}, {@link #commitObject} and
 * {@link #discard}.
 */
public abstract class ObjectUpload extends OutputStream {

    private long written;
    private boolean finished;

    /** What the upload writes, for messages ("s3://bucket/prefix/key"). */
    protected abstract String describe();

    /** Writes bytes; may throw a {@link StoreException}. Called only before the upload finished. */
    protected abstract void writeBytes(byte[] b, int off, int len) throws IOException;

    /** Makes the object visible and durable; on failure {@link #discard()} runs next. */
    protected abstract void commitObject() throws IOException;

    /** Releases and deletes whatever was written; called at most once. */
    protected abstract void discard();

    /** Translates an I/O failure of {@link #commitObject()} into a typed store failure. */
    protected abstract StoreException commitFailure(IOException e);

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new IOException("upload of " + describe() + " already finished");
        }
        try {
            writeBytes(b, off, len);
        } catch (IOException | RuntimeException | Error e) {
            discardAfter(e);
            throw e;
        }
        written += len;
    }

    /** Finishes the write; the object is visible and durable when this returns. */
    public final void commit() {
        if (finished) {
            throw new IllegalStateException("upload of " + describe() + " already finished");
        }
        finished = true;
        try {
            commitObject();
        } catch (IOException e) {
            StoreException failure = commitFailure(e);
            discardQuietly(failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            discardQuietly(e);
            throw e;
        }
    }

    /** Discards the write; idempotent. */
    public final void abort() {
        if (!finished) {
            finished = true;
            discard();
        }
    }

    /** Bytes written so far. */
    public final long bytesWritten() {
        return written;
    }

    /** Aborts unless committed. */
    @Override
    public final void close() {
        abort();
    }

    private void discardAfter(Throwable failure) {
        if (!finished) {
            finished = true;
            discardQuietly(failure);
        }
    }

    /** Discards after {@code failure}; a failure of the discard is attached to it, never replaces it. */
    private void discardQuietly(Throwable failure) {
        try {
            discard();
        } catch (RuntimeException | Error e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }
}

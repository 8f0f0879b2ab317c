package dev.kafkadr.archive.store;

import java.io.OutputStream;

/**
 * A streaming write of one object: write the bytes, then {@link #commit()} to make the object visible (durably)
 * under its key. {@link #close()} without a commit aborts and discards everything written; so does {@link #abort()}.
 * Holds a bounded amount of memory whatever the object size. Not thread-safe.
 */
public abstract class ObjectUpload extends OutputStream {

    /** Finishes the write; the object is visible and durable when this returns. */
    public abstract void commit();

    /** Discards the write; idempotent. */
    public abstract void abort();

    /** Bytes written so far. */
    public abstract long bytesWritten();

    /** Aborts unless committed. */
    @Override
    public abstract void close();
}

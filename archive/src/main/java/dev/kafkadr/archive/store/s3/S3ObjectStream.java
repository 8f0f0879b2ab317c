package dev.kafkadr.archive.store.s3;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GET: SDK failures while reading (a reset connection, a checksum mismatch) surface as
 * {@link IOException}s naming the object, and closing before the end aborts the connection instead of draining the
 * rest of the object. Not thread-safe.
 */
final class S3ObjectStream extends InputStream {

    private final ResponseInputStream<?> in;
    private final String name;
    private boolean eof;
    private boolean closed;

    S3ObjectStream(ResponseInputStream<?> in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            eof |= b < 0;
            return b;
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            eof |= n < 0;
            return n;
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!eof) {
            in.abort();
        }
        try {
            in.close();
        } catch (SdkException e) {
            throw failure(e);
        }
    }

    private IOException failure(SdkException e) {
        return new IOException("reading " + name + " failed: " + S3Errors.oneLine(e.getMessage()), e);
    }
}

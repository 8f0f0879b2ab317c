package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.store.ObjectUpload;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;

/**
 * A streaming write to a temporary HDFS file that becomes the object on {@link #commit()}: hsync (data on the
 * DataNodes' disks), close, then an atomic rename over the key. Closing without a commit deletes the temporary
 * file. Memory is bounded by the HDFS client's packet queue. Not thread-safe.
 */
final class HdfsUpload extends ObjectUpload {

    private final HdfsObjectStore store;
    private final String key;
    private final Path tmp;
    private final FSDataOutputStream out;
    private long written;
    private boolean done;

    HdfsUpload(HdfsObjectStore store, String key, Path tmp, FSDataOutputStream out) {
        this.store = store;
        this.key = key;
        this.tmp = tmp;
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            throw new IOException("upload of " + key + " already finished");
        }
        out.write(b, off, len);
        written += len;
    }

    @Override
    public long bytesWritten() {
        return written;
    }

    @Override
    public void commit() {
        if (done) {
            throw new IllegalStateException("upload of " + key + " already finished");
        }
        done = true;
        try {
            out.hsync();
            out.close();
            store.moveIntoPlace(tmp, key, true);
        } catch (IOException e) {
            closeQuietly();
            store.deleteQuietly(tmp);
            throw store.errors().translate(key, "could not commit", e);
        } catch (RuntimeException e) {
            closeQuietly();
            store.deleteQuietly(tmp);
            throw e;
        }
    }

    @Override
    public void abort() {
        if (!done) {
            done = true;
            closeQuietly();
            store.deleteQuietly(tmp);
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // discarding the temporary file anyway
        }
    }
}

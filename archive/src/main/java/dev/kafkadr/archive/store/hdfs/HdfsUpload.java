package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreException;
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

    HdfsUpload(HdfsObjectStore store, String key, Path tmp, FSDataOutputStream out) {
        this.store = store;
        this.key = key;
        this.tmp = tmp;
        this.out = out;
    }

    @Override
    protected String describe() {
        return key;
    }

    @Override
    protected void writeBytes(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw store.errors().translate(key, "could not write", e);
        }
    }

    @Override
    protected void commitObject() throws IOException {
        out.hsync();
        out.close();
        store.moveIntoPlace(tmp, key, true);
    }

    @Override
    protected StoreException commitFailure(IOException e) {
        return store.errors().translate(key, "could not commit", e);
    }

    @Override
    protected void discard() {
        try {
            out.close();
        } catch (IOException ignored) {
            // discarding the temporary file anyway
        }
        store.deleteQuietly(tmp);
    }
}

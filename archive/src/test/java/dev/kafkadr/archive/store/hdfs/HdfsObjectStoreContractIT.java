package dev.kafkadr.archive.store.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.ObjectKeys;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.BulkObjectStoreContract;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.testkit.MiniHdfs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against {@link HdfsObjectStore} on a MiniDFSCluster (one NameNode, one DataNode). */
class HdfsObjectStoreContractIT extends BulkObjectStoreContract {

    @TempDir
    static Path dir;
    private static MiniHdfs hdfs;
    private static ObjectStore store;
    private static FileSystem raw;
    private static org.apache.hadoop.fs.Path root;

    @BeforeAll
    static void open() throws IOException {
        hdfs = MiniHdfs.start(dir);
        URI uri = URI.create(hdfs.uri() + "/kdr/contract");
        store = ObjectStores.open(uri, HdfsTestSupport.options());
        raw = FileSystem.newInstance(hdfs.uri(), hdfs.configuration());
        root = new org.apache.hadoop.fs.Path(uri);
    }

    @AfterAll
    static void close() throws IOException {
        if (store != null) {
            store.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void assertNoUploadLeftovers(String key) {
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(root, ObjectKeys.TMP_DIR);
        try {
            if (raw.exists(tmp)) {
                RemoteIterator<LocatedFileStatus> files = raw.listFiles(tmp, true);
                assertThat(files.hasNext()).as("temporary files under " + tmp).isFalse();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

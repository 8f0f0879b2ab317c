package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import java.net.URI;

/** An {@link dev.kafkadr.archive.store.ObjectStore} under an HDFS path. Thread-safe. (Being implemented.) */
public final class HdfsObjectStore {

    private HdfsObjectStore() {
    }

    public static ObjectStore open(URI uri, StoreOptions options) {
        throw new UsageException("hdfs:// stores are not implemented yet: " + uri);
    }
}

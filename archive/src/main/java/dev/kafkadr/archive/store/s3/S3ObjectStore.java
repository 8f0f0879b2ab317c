package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import java.net.URI;

/** An {@link dev.kafkadr.archive.store.ObjectStore} in an S3 bucket prefix. Thread-safe. (Being implemented.) */
public final class S3ObjectStore {

    private S3ObjectStore() {
    }

    public static ObjectStore open(URI uri, StoreOptions options) {
        throw new UsageException("s3:// stores are not implemented yet: " + uri);
    }
}

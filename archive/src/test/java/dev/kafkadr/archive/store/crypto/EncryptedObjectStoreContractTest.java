package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.BulkObjectStoreContract;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against {@link EncryptedObjectStore} over a local store: encryption changes no behaviour. */
class EncryptedObjectStoreContractTest extends BulkObjectStoreContract {

    @TempDir
    static Path root;
    private static ObjectStore store;

    @BeforeAll
    static void open() {
        // no fsync: durability is the local store's own contract test; this one is about the decorator (and fast)
        store = new EncryptedObjectStore(new LocalObjectStore(root, StoreOptions.of(Map.of(StoreOptions.LOCAL_FSYNC,
                "false"))), TestKeys.ring("k1", 1));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }
}

package dev.kafkadr.archive.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.BulkObjectStoreContract;
import dev.kafkadr.archive.store.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against {@link LocalObjectStore} in a temporary directory. */
class LocalObjectStoreContractTest extends BulkObjectStoreContract {

    @TempDir
    static Path root;
    private static LocalObjectStore store;

    @BeforeAll
    static void open() {
        store = new LocalObjectStore(root, StoreOptions.empty());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected void assertNoUploadLeftovers(String key) {
        Path tmp = root.resolve(LocalObjectStore.TMP_DIR);
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files.toList()).as("temporary files").isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}

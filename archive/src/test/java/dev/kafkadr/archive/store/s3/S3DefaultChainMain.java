package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import java.nio.charset.StandardCharsets;

/**
 * Child-JVM entry point of {@link S3DefaultChainIT}: opens {@code args[0]} with no store options at all, so the
 * endpoint, region and credentials can only come from the AWS SDK's environment chains, and writes
 * {@code args[1]} = "hello". Exits 0 on success, 1 on failure. Stateless.
 */
public final class S3DefaultChainMain {

    private S3DefaultChainMain() {
    }

    public static void main(String[] args) {
        try (ObjectStore store = ObjectStores.open(args[0], StoreOptions.empty())) {
            store.put(args[1], "hello".getBytes(StandardCharsets.UTF_8));
            System.out.println("wrote " + store.uri() + "/" + args[1]);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }
}

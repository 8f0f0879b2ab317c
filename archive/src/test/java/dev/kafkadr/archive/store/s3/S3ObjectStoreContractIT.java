package dev.kafkadr.archive.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.BulkObjectStoreContract;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.S3MockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store contract against {@link S3ObjectStore} on S3Mock, in a fresh bucket under a key prefix, with 5 MiB
 * parts so the big object of the contract is a real three-part multipart upload.
 */
class S3ObjectStoreContractIT extends BulkObjectStoreContract {

    private static final String PREFIX = "backups/cluster-a/";
    private static S3MockServer s3;
    private static String bucket;
    private static ObjectStore store;
    private static S3Client raw;

    @BeforeAll
    static void open() {
        s3 = S3MockServer.shared();
        bucket = s3.createBucket("contract");
        StoreOptions options = S3TestSupport.options(s3, Map.of(
                StoreOptions.S3_PART_SIZE_BYTES, String.valueOf(PART_SIZE), StoreOptions.S3_PARTS_IN_FLIGHT, "2"));
        store = ObjectStores.open(S3TestSupport.uri(bucket, PREFIX), options);
        raw = S3TestSupport.rawClient(s3);
    }

    @AfterAll
    static void close() {
        store.close();
        raw.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    /**
     * S3Mock 5.2.0 checks If-None-Match before writing without a lock: 8 racing raw SDK PutObjects with
     * {@code If-None-Match: *} saw up to 8 successes. Real S3 decides them atomically (one 200, the rest 412/409).
     */
    @Override
    protected boolean serverPutIfAbsentIsAtomic() {
        return false;
    }

    @Override
    protected void assertNoUploadLeftovers(String key) {
        assertThat(S3TestSupport.openUploads(raw, bucket, PREFIX + key)).as("open multipart uploads").isEmpty();
    }
}

package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.RichCorpus;
import dev.kafkadr.testkit.S3MockServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DR-drill shape: the agent backs up cluster A into S3 (SSE-KMS) twice; kdr restores one topic into cluster B under
 * a new name up to a point in time between the two batches, straight from S3.
 */
class S3CrossClusterIT {

    static KafkaTestCluster source;
    static KafkaTestCluster target;
    static RichCorpus corpus;
    static S3MockServer s3;
    static String bucket;

    @BeforeAll
    static void start() {
        source = KafkaTestCluster.start();
        target = KafkaTestCluster.start();
        corpus = new RichCorpus(source, "").create(1);
        s3 = S3MockServer.shared();
        bucket = s3.createBucket("kdr-e2e");
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    private static String[] s3Options() {
        return new String[] {"--store-option", "s3.endpoint=" + s3.endpoint(), "--store-option",
                "s3.region=" + S3MockServer.REGION, "--store-option", "s3.path-style-access=true",
                "--store-option", "s3.access-key-id=" + S3MockServer.ACCESS_KEY, "--store-option",
                "s3.secret-access-key=" + S3MockServer.SECRET_KEY};
    }

    private static void backUp() {
        RoundTrip.AGENT.run("--once", "--bootstrap-server", source.bootstrapServers(), "--store",
                "s3://" + bucket + "/dr", "--cluster-name", "a", "--set", "metrics.port=-1",
                "--set", "store.s3.endpoint=" + s3.endpoint(), "--set", "store.s3.region=" + S3MockServer.REGION,
                "--set", "store.s3.path-style-access=true", "--set", "store.s3.access-key-id=" + S3MockServer.ACCESS_KEY,
                "--set", "store.s3.secret-access-key=" + S3MockServer.SECRET_KEY, "--set", "store.s3.sse=aws:kms",
                "--set", "store.s3.sse-kms-key-id=" + S3MockServer.KMS_KEY_ID).assertSuccess();
    }

    private static String[] args(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(s3Options()));
        return all.toArray(String[]::new);
    }

    @Test
    void one_topic_restores_into_another_cluster_under_a_new_name_up_to_a_point_in_time() {
        backUp();                     // batch 0: orders timestamps 1_700_000_000_000 + i*10
        corpus.writeBatch(120);       // batch 1: 1_700_001_000_000 + i*10
        backUp();
        Instant cut = Instant.ofEpochMilli(1_700_000_500_000L);

        RoundTrip.KDR.run(args("restore", "topics", "--store", "s3://" + bucket + "/dr", "--cluster", "a",
                "--bootstrap-server", target.bootstrapServers(), "--topics", corpus.orders(), "--rename",
                corpus.orders() + "=orders-dr", "--to-time", cut.toString())).assertSuccess();

        try (ObjectStore store = ObjectStores.open("s3://" + bucket + "/dr", options())) {
            Map<Integer, List<ArchivedRecord>> archived = RoundTrip.archived(store, "a", corpus.orders());
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> restored = target.readAll("orders-dr",
                    "read_committed");
            long total = 0;
            for (int p : archived.keySet()) {
                List<ArchivedRecord> upToCut = archived.get(p).stream()
                        .filter(r -> r.timestamp() <= cut.toEpochMilli()).toList();
                assertThat(upToCut.size()).isLessThan(archived.get(p).size());
                RoundTrip.assertRestored(restored.get(p), upToCut, "orders-dr-" + p);
                total += upToCut.size();
            }
            assertThat(total).isEqualTo(200);
        }
    }

    private static StoreOptions options() {
        return StoreOptions.of(Map.of(StoreOptions.S3_ENDPOINT, s3.endpoint().toString(), StoreOptions.S3_REGION,
                S3MockServer.REGION, StoreOptions.S3_PATH_STYLE, "true", StoreOptions.S3_ACCESS_KEY_ID,
                S3MockServer.ACCESS_KEY, StoreOptions.S3_SECRET_ACCESS_KEY, S3MockServer.SECRET_KEY));
    }
}

package dev.kafkadr.agent.integration;

import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.MiniHdfs;
import dev.kafkadr.testkit.RichCorpus;
import dev.kafkadr.testkit.S3MockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same incremental backup into a real S3-compatible server (S3Mock, SSE-KMS) and a real HDFS. */
class StoreBackendsIT {

    static KafkaTestCluster kafka;
    static RichCorpus corpus;
    static MiniHdfs hdfs;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        corpus = new RichCorpus(kafka, "").create(1);
        hdfs = MiniHdfs.start(dir.resolve("hdfs"));
    }

    @AfterAll
    static void stop() {
        hdfs.close();
        kafka.close();
    }

    @Test
    void backups_into_s3_with_sse_kms_are_exact_and_incremental() {
        S3MockServer s3 = S3MockServer.shared();
        String bucket = s3.createBucket("kdr-agent");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), "s3://" + bucket + "/backups", "s3",
                Map.of(AgentConfig.STORE_S3_ENDPOINT, s3.endpoint().toString(),
                        AgentConfig.STORE_S3_REGION, S3MockServer.REGION,
                        AgentConfig.STORE_S3_PATH_STYLE, "true",
                        AgentConfig.STORE_S3_ACCESS_KEY_ID, S3MockServer.ACCESS_KEY,
                        AgentConfig.STORE_S3_SECRET_ACCESS_KEY, S3MockServer.SECRET_KEY,
                        AgentConfig.STORE_S3_SSE, "aws:kms",
                        AgentConfig.STORE_S3_SSE_KMS_KEY_ID, S3MockServer.KMS_KEY_ID));
        runTwiceAndCompare(cfg);
    }

    @Test
    void backups_into_hdfs_are_exact_and_incremental() {
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), hdfs.uri() + "/kdr/archive", "hdfs",
                Map.of());
        runTwiceAndCompare(cfg);
    }

    private static void runTwiceAndCompare(AgentConfig cfg) {
        try (ObjectStore store = ObjectStores.open(cfg.storeUri(), cfg.storeOptions())) {
            BackupEngine engine = AgentTestSupport.engine(cfg, store);
            engine.runOnce();
            compare(store, cfg.clusterName());
            corpus.writeBatch(20);
            engine.runOnce();
            compare(store, cfg.clusterName());
        }
    }

    private static void compare(ObjectStore store, String cluster) {
        for (String topic : List.of(corpus.orders(), corpus.events(), corpus.payments())) {
            AgentTestSupport.assertArchiveEquals(kafka.readAll(topic, "read_committed"),
                    AgentTestSupport.archived(store, cluster, topic), topic);
        }
        AgentTestSupport.assertArchiveContains(kafka.readAll(corpus.accounts(), "read_committed"),
                AgentTestSupport.archived(store, cluster, corpus.accounts()), corpus.accounts());
    }
}

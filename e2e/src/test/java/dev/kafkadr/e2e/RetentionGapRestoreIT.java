package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retention gap end to end: Kafka deletes offsets between two agent runs, the agent records the gap, and a restore
 * of everything the archive holds ({@code --from-earliest}) goes around it and says so on stderr and in its summary,
 * naming the partition and the missing offsets. Invariant: every archived record is restored exactly once, in order;
 * the exit code stays 0.
 */
class RetentionGapRestoreIT {

    static final String TOPIC = "short";

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(TOPIC, 1, 1, Map.of("retention.ms", "2000", "segment.ms", "200"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void a_restore_goes_around_a_retention_gap_and_names_the_partition_and_offsets() throws Exception {
        Path store = dir.resolve("archive");
        produce(0, 50);
        backUp();
        produce(50, 50);
        int[] next = {100};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            produce(next[0]++, 1);                                // rolls segments until retention removed 50..99
            return logStart() > 100;
        });
        produce(next[0], 10);
        backUp();

        OffsetGap gap;
        List<ArchivedRecord> archived;
        try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            ArchiveCatalog catalog = new ArchiveCatalog(s);
            RunManifest second = catalog.manifest("prod", catalog.committedRunIds("prod").last());
            assertThat(second.partitions().get(0).gaps()).as("the agent recorded the gap").hasSize(1);
            gap = second.partitions().get(0).gaps().get(0);
            archived = RoundTrip.archived(s, "prod", TOPIC).get(0);
        }
        assertThat(gap.from()).isEqualTo(50);
        assertThat(archived).extracting(ArchivedRecord::offset).contains(49L).doesNotContain(50L);

        CommandResult r = RoundTrip.KDR.run("restore", "topics", "--store", store.toUri().toString(),
                "--bootstrap-server", kafka.bootstrapServers(), "--rename", TOPIC + "=restored", "--from-earliest");
        String expected = "short-0: offsets [50, " + gap.to() + ") (" + gap.size() + ") are not in the archive "
                + "(RETENTION: Kafka deleted them before a backup read them); the restore goes around the gap";
        assertThat(r.exitCode()).as("exit code unchanged by a gap; err: %s", r.err()).isZero();
        assertThat(r.err()).as("a warning names the partition and the missing offsets")
                .contains("warning: " + expected);
        assertThat(r.out()).as("the summary names the partition and the missing offsets")
                .contains("gap: " + expected);
        RoundTrip.assertRestored(kafka.readAll("restored", "read_committed").get(0), archived,
                "restored-0 around the gap");
    }

    private static void backUp() {
        RoundTrip.AGENT.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--store",
                dir.resolve("archive").toUri().toString(), "--cluster-name", "prod", "--topics", TOPIC,
                "--set", "metrics.port=-1").assertSuccess();
    }

    private static void produce(int from, int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = from; i < from + n; i++) {
                p.send(new ProducerRecord<>(TOPIC, 0, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
        }
    }

    private static long logStart() throws Exception {
        try (Admin admin = kafka.admin()) {
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
        }
    }
}

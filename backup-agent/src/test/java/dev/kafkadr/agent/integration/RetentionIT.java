package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.agent.AgentRuntime;
import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.metrics.AgentMetrics;
import dev.kafkadr.agent.retention.RetentionPolicy;
import dev.kafkadr.agent.retention.RetentionSweeper;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka's retention deleting data between runs, and the archive's own retention policy. */
class RetentionIT {

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static void produce(String topic, int from, int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = from; i < from + n; i++) {
                p.send(new ProducerRecord<>(topic, 0, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
        }
    }

    static long logStart(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset();
        }
    }

    @Test
    void offsets_deleted_by_kafka_before_a_run_read_them_are_a_recorded_gap_a_warning_and_a_metric()
            throws Exception {
        kafka.createTopic("short", 1, 1, Map.of("retention.ms", "2000", "segment.ms", "200"));
        produce("short", 0, 50);
        Path store = dir.resolve("gaps");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), store.toUri().toString(), "prod",
                Map.of(AgentConfig.TOPICS_INCLUDE, "short"));
        AgentMetrics metrics = new AgentMetrics("prod");
        try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            BackupEngine engine = new BackupEngine(cfg, KafkaClientConfig.load(cfg.bootstrapServers(), null), s,
                    metrics, Clock.systemUTC(), "test");
            engine.runOnce();                                     // backs up offsets 0..49
            produce("short", 50, 50);                             // 50..99, deleted before the next run
            Thread.sleep(300);
            produce("short", 100, 1);                             // rolls the segment holding 50..99
            await().atMost(Duration.ofSeconds(30)).until(() -> logStart("short") > 50);
            produce("short", 101, 10);
            long lostUpTo = logStart("short");
            RunResult second = engine.runOnce();

            assertThat(second.gaps()).isEqualTo(1);
            RunManifest m = new ArchiveCatalog(s).manifest("prod", second.runId());
            assertThat(m.partitions().get(0).gaps()).containsExactly(new OffsetGap(50, lostUpTo, OffsetGap.RETENTION));
            List<ArchivedRecord> archived = AgentTestSupport.archived(s, "prod", "short").get(0);
            assertThat(archived).extracting(ArchivedRecord::offset).doesNotContain(50L).contains(49L, 110L);
            assertThat(metrics.registry().scrape()).contains("kdr_backup_retention_gaps_total{cluster=\"prod\"} 1.0")
                    .contains("kdr_backup_retention_gap_offsets_total{cluster=\"prod\",topic=\"short\"} "
                            + (double) (lostUpTo - 50));
        }
    }

    @Test
    void the_archive_policy_deletes_old_runs_but_never_a_segment_a_kept_run_needs() throws Exception {
        kafka.createTopic("kept", 1);
        Path store = dir.resolve("policy");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), store.toUri().toString(), "prod",
                Map.of(AgentConfig.TOPICS_INCLUDE, "kept"));
        try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            BackupEngine engine = new BackupEngine(cfg, KafkaClientConfig.load(cfg.bootstrapServers(), null), s,
                    BackupListener.NONE, Clock.systemUTC(), "test");
            for (int run = 0; run < 4; run++) {
                produce("kept", run * 10, 10);
                engine.runOnce();
            }
            RetentionSweeper sweeper = new RetentionSweeper(s, "prod",
                    new RetentionPolicy(2, Duration.ZERO, 1, Duration.ofHours(24)), Clock.systemUTC());
            RetentionSweeper.Report report = sweeper.sweep();

            assertThat(report.expiredRuns()).hasSize(2);
            assertThat(new ArchiveCatalog(s).committedRunIds("prod")).hasSize(2);
            // the topic's log start is 0, so the kept runs still need every segment: nothing of the data goes
            assertThat(report.segmentsDeleted()).isZero();
            assertThat(AgentTestSupport.archived(s, "prod", "kept").get(0)).extracting(ArchivedRecord::offset)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 40).boxed().toList());
            assertThat(segments(store)).isEqualTo(4);
        }
    }

    @Test
    void a_continuous_agent_applies_the_policy_while_it_runs_and_keeps_every_partitions_newest_backup()
            throws Exception {
        kafka.createTopic("stream", 2);
        Path store = dir.resolve("continuous");
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), store.toUri().toString(), "prod",
                Map.of(AgentConfig.TOPICS_INCLUDE, "stream", AgentConfig.MODE, "continuous",
                        AgentConfig.GROUP_ID, "kdr-retention-it", AgentConfig.SEGMENT_MAX_AGE_MS, "1000",
                        AgentConfig.SNAPSHOT_INTERVAL_MS, "600000", AgentConfig.RETENTION_MAX_RUNS, "2",
                        AgentConfig.RETENTION_SWEEP_INTERVAL_MS, "1000", AgentConfig.RETENTION_GRACE_MS, "2000"));
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            p.send(new ProducerRecord<>("stream", 1, "idle".getBytes(), "only-once".getBytes())).get();
        }
        try (AgentRuntime agent = new AgentRuntime(cfg, Clock.systemUTC(), "test");
             ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            agent.startService();
            await().atMost(Duration.ofSeconds(60)).until(() -> archivedCount(s, 1) == 1);
            for (int burst = 0; burst < 6; burst++) { // each burst lands in its own commit cycle, a run naming p0
                int from = burst * 10;
                produceTo("stream", 0, from, 10);
                await().atMost(Duration.ofSeconds(60)).until(() -> archivedCount(s, 0) == from + 10);
            }
            // 7+ runs were committed; the sweep thread keeps the newest 2 (each names both partitions)
            await().atMost(Duration.ofSeconds(60)).until(() -> new ArchiveCatalog(s).committedRunIds("prod")
                    .size() <= 2);
            Map<Integer, List<ArchivedRecord>> archived = AgentTestSupport.archived(s, "prod", "stream");
            assertThat(archived.get(1)).extracting(r -> new String(r.value())).containsExactly("only-once");
            assertThat(archived.get(0)).extracting(ArchivedRecord::offset)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 60).boxed().toList());
        }
    }

    private static int archivedCount(ObjectStore s, int partition) {
        return AgentTestSupport.archived(s, "prod", "stream").getOrDefault(partition, List.of()).size();
    }

    private static void produceTo(String topic, int partition, int from, int n) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = from; i < from + n; i++) {
                p.send(new ProducerRecord<>(topic, partition, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
            p.flush();
        }
    }

    private static long segments(Path store) throws Exception {
        try (Stream<Path> s = Files.walk(store.resolve("clusters/prod/topics"))) {
            return s.filter(p -> p.toString().endsWith(".kseg")).count();
        }
    }
}

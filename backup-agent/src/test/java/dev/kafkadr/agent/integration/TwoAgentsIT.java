package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.AgentRuntime;
import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.PartitionFencedException;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents backing up the same cluster into the same store at the same time. Scheduled mode (not coordinated):
 * each run either commits or fails with a CONFLICT naming the partition another writer took (nothing committed by
 * that run); every committed chain is contiguous; after a final uncontested run the archive holds every record
 * exactly once. Continuous catch-up ({@code --continuous --once}, one consumer group): the two split the partitions,
 * both return only when the archive holds every partition up to the cut, and it holds every record exactly once.
 */
class TwoAgentsIT {

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic("shared", 6);
        kafka.createTopic("grouped", 6);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static void produce(int from, int count) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = from; i < from + count; i++) {
                p.send(new ProducerRecord<>("shared", i % 6, ("k" + i).getBytes(), new byte[200]));
            }
        }
    }

    private static BackupEngine engine(ObjectStore store, String writer) {
        return AgentTestSupport.engine(AgentTestSupport.config(kafka.bootstrapServers(), "file:///unused", "prod",
                Map.of("agent.writer-id", writer, "backup.parallelism", "2", "backup.acls.enabled", "false",
                        "topics.include", "shared")),
                store);
    }

    @Test
    void two_agents_at_once_never_both_commit_a_partition_step_and_the_loser_fails_with_a_conflict()
            throws Exception {
        ObjectStore store = new LocalObjectStore(dir.resolve("archive"), StoreOptions.empty());
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            produce(round * 10_000, 10_000);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> runs = new ArrayList<>();
            for (String writer : List.of("left", "right")) {
                BackupEngine e = engine(store, writer);
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return writer + ": committed " + e.runOnce().runId();
                    } catch (PartitionFencedException f) {
                        assertThat(f.kind()).isEqualTo(FailureKind.CONFLICT);
                        assertThat(f.getMessage()).contains("partition shared-").contains("another writer");
                        return writer + ": fenced (" + f.getMessage() + ")";
                    } catch (KdrException other) {
                        return writer + ": FAILED otherwise: " + other;
                    } catch (InterruptedException x) {
                        throw new IllegalStateException(x);
                    }
                }));
            }
            go.countDown();
            for (CompletableFuture<String> r : runs) {
                outcomes.add("round " + round + " " + r.get());
            }
        }
        System.out.println(String.join("\n", outcomes));
        assertThat(outcomes).noneMatch(o -> o.contains("FAILED otherwise"));

        engine(store, "alone").runOnce();

        assertChainsContiguous(store);
        AgentTestSupport.assertArchiveEquals(kafka.readAll("shared", "read_committed"),
                AgentTestSupport.archived(store, "prod", "shared"), "shared");
    }

    @Test
    void two_catch_up_agents_of_one_group_split_the_partitions_and_both_finish_when_the_archive_is_complete()
            throws Exception {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < 30_000; i++) {
                p.send(new ProducerRecord<>("grouped", i % 6, ("k" + i).getBytes(), new byte[100]));
            }
        }
        Path storeDir = dir.resolve("grouped-archive");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> agents = new ArrayList<>();
        for (String writer : List.of("g1", "g2")) {
            AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), storeDir.toUri().toString(),
                    "grouped", Map.of("mode", "continuous", "agent.writer-id", writer, "topics.include", "grouped",
                            "backup.segment.max.age.ms", "600000", "backup.acls.enabled", "false"));
            agents.add(CompletableFuture.supplyAsync(() -> {
                try (AgentRuntime runtime = new AgentRuntime(cfg, Clock.systemUTC(), "test")) {
                    go.await();
                    return runtime.catchUp();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        for (CompletableFuture<String> a : agents) {
            assertThat(a.get(180, TimeUnit.SECONDS)).startsWith("caught up: the archive holds all 6 selected");
        }
        ObjectStore store = new LocalObjectStore(storeDir, StoreOptions.empty());
        AgentTestSupport.assertArchiveEquals(kafka.readAll("grouped", "read_committed"),
                AgentTestSupport.archived(store, "grouped", "grouped"), "grouped");
        assertThat(chains(store, "grouped", "grouped")).extracting(PartitionCommit::writerId)
                .isSubsetOf("g1", "g2");
    }

    private static List<PartitionCommit> chains(ObjectStore store, String cluster, String topic) {
        dev.kafkadr.archive.catalog.ArchiveCatalog c = new dev.kafkadr.archive.catalog.ArchiveCatalog(store);
        var runs = c.committedRunIds(cluster);
        List<PartitionCommit> out = new ArrayList<>();
        for (int p : c.partitions(cluster, topic)) {
            out.addAll(c.history(cluster, topic, p, runs, null).chain());
        }
        return out;
    }

    private static void assertChainsContiguous(ObjectStore store) {
        List<PartitionCommit> all = ContinuousAgents.chains(store, "shared");
        for (int i = 1; i < all.size(); i++) {
            PartitionCommit prev = all.get(i - 1);
            PartitionCommit c = all.get(i);
            if (prev.partition() == c.partition()) {
                assertThat(c.parentSeq()).isEqualTo(prev.seq());
                assertThat(c.startOffset()).as("commit %s-%d seq %d", c.topic(), c.partition(), c.seq())
                        .isEqualTo(prev.endOffset());
            }
        }
    }
}

package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker fault: three brokers, a topic with replication factor 3 and min.insync.replicas 2; one broker (the leader of
 * partition 0) is shut down while the agent is writing segments and started again while the run goes on, with a
 * producer writing throughout. Invariants: the run either commits or fails cleanly (no commit of a partial run); the
 * next run commits; every committed record restorable exactly once ({@code kdr verify --deep} passes and the archive
 * equals a read_committed read of the source).
 */
class BrokerFaultIT {

    static final String TOPIC = "replicated";
    static final int PARTITIONS = 6;

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder().brokers(3)
                .config("offsets.topic.replication.factor", "3")
                .config("transaction.state.log.replication.factor", "3")
                .config("transaction.state.log.min.isr", "2")
                .start();
        kafka.createTopic(TOPIC, PARTITIONS, 3, Map.of("min.insync.replicas", "2"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private JavaProcess agent(Path store, String name) {
        return Faults.agentOnce(kafka.bootstrapServers(), store, TOPIC, dir.resolve(name + ".log"));
    }

    @Test
    void a_broker_stopped_and_restarted_mid_backup_leaves_a_clean_outcome_and_the_next_run_is_exact()
            throws Exception {
        Path store = dir.resolve("archive");
        bulk(40_000);
        int victim = leaderOfPartitionZero();
        String outcome;
        try (LiveProducer producer = new LiveProducer(kafka, TOPIC, PARTITIONS, false, 2000, 400)) {
            JavaProcess run = agent(store, "fault");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> segments(store) >= 3 || !run.isAlive());
            assertThat(run.isAlive()).as("the run was still writing when the broker stopped; log %s", run.log())
                    .isTrue();
            long before = segments(store);
            kafka.stopBroker(victim);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> segments(store) > before || !run.isAlive());
            kafka.startBroker(victim);
            int exit = run.waitFor(180, TimeUnit.SECONDS);
            outcome = "broker " + victim + " stopped after " + before + " segments; the run exited with " + exit
                    + "; log " + run.log();
            System.out.println("[faults] " + outcome);
            try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
                int committed = new ArchiveCatalog(s).committedRunIds("prod").size();
                assertThat(committed).as("%s; %s", Faults.NO_PARTIAL_COMMIT, outcome).isEqualTo(exit == 0 ? 1 : 0);
                Faults.assertNoPartialRun(s, "prod", TOPIC, PARTITIONS, outcome);
            }
            if (exit != 0) {
                assertThat(errorLines(run.log())).as("a failed run says why in one line; %s", outcome).hasSize(1);
            }
        }
        JavaProcess next = agent(store, "next");
        assertThat(next.waitFor(180, TimeUnit.SECONDS)).as("the next run commits; log %s; %s", next.log(), outcome)
                .isZero();
        Faults.assertVerifies(true, outcome, "--store", store.toUri().toString());
        try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            Faults.assertNoPartialRun(s, "prod", TOPIC, PARTITIONS, outcome);
            Faults.assertArchiveExact(kafka, s, "prod", TOPIC, outcome);
        }
    }

    private static int leaderOfPartitionZero() throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().get(0)
                    .leader().id();
        }
    }

    private static void bulk(int records) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            SplittableRandom bytes = new SplittableRandom(records);
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[400];
                bytes.nextBytes(value);
                p.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, ("b" + i).getBytes(), value));
            }
        }
    }

    private static long segments(Path store) throws IOException {
        Path topics = store.resolve("clusters/prod/topics");
        if (!Files.isDirectory(topics)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(topics)) {
            return s.filter(p -> p.toString().endsWith(".kseg") && !p.toString().contains(".kdr-tmp")).count();
        }
    }

    /** Lines of the agent's output that report the failure (ErrorHandler's one line, prefixed "error"). */
    static List<String> errorLines(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("error") || l.startsWith("kdr-agent:"))
                .toList();
    }
}

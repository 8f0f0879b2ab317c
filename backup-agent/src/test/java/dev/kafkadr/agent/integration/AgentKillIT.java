package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kdr-agent as a child process, killed with SIGKILL at several points of a run: the next run is exact. */
class AgentKillIT {

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic("big", 6);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static void produce(int from, int count) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            byte[] pad = new byte[400];
            for (int i = from; i < from + count; i++) {
                pad[i % 400] = (byte) i;
                p.send(new ProducerRecord<>("big", i % 6, ("k" + i).getBytes(), pad.clone()));
            }
        }
    }

    private JavaProcess agent(Path store, String name) {
        return JavaProcess.start("dev.kafkadr.agent.cli.Main", List.of("-Xmx256m"), List.of("--once",
                        "--bootstrap-server", kafka.bootstrapServers(), "--store", store.toUri().toString(),
                        "--cluster-name", "prod", "--set", "backup.segment.max.bytes=1048576",
                        "--set", "backup.parallelism=2", "--set", "backup.segment.block.bytes=65536",
                        "--set", "metrics.port=-1"),
                Map.of(), dir.resolve(name + ".log"));
    }

    private static long count(Path store, String suffix) {
        Path topics = store.resolve("clusters/prod/topics");
        if (!Files.isDirectory(topics)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(topics)) {
            return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains(".kdr-tmp")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long manifests(Path store) throws IOException {
        Path m = store.resolve("clusters/prod/manifests");
        if (!Files.isDirectory(m)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(m)) {
            return s.count();
        }
    }

    @Test
    void runs_killed_at_several_points_leave_no_commit_and_the_next_run_is_exact() throws Exception {
        Path store = dir.resolve("archive");
        produce(0, 120_000);
        List<String> outcomes = new ArrayList<>();

        // 1: killed as soon as the run has taken its cut (on a quiet machine a fixed delay let the run finish first)
        JavaProcess p1 = agent(store, "kill-1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> Files.readString(p1.log()).contains("cut taken") || !p1.isAlive());
        assertThat(p1.isAlive()).as("run 1 still running when killed; its log: %s", Files.readString(p1.log()))
                .isTrue();
        p1.kill();
        outcomes.add("early: manifests=" + manifests(store));
        assertThat(manifests(store)).isZero();

        // 2: killed once segments are being written
        JavaProcess p2 = agent(store, "kill-2");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> count(store, ".kseg") >= 2 || !p2.isAlive());
        assertThat(p2.isAlive()).as("run 2 still running when killed").isTrue();
        p2.kill();
        outcomes.add("segments: manifests=" + manifests(store));
        assertThat(manifests(store)).isZero();
        assertThat(count(store, ".kseg")).as("orphan segments left by the killed runs").isPositive();

        // 3: killed after some partitions committed their records but before the run manifest
        produce(120_000, 30_000);
        JavaProcess p3 = agent(store, "kill-3");
        long commitsBefore = count(store, ".json");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> count(store, ".json") > commitsBefore || !p3.isAlive());
        assertThat(p3.isAlive()).as("run 3 still running when killed").isTrue();
        p3.kill();
        outcomes.add("commits: manifests=" + manifests(store));
        assertThat(manifests(store)).as("partition commits written, run manifest not").isZero();
        assertThat(count(store, ".json")).isGreaterThan(commitsBefore);

        // a clean run finishes the job
        JavaProcess last = agent(store, "final");
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run, log " + last.log() + " " + outcomes)
                .isZero();

        Map<Integer, List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>>> expected =
                kafka.readAll("big", "read_committed");
        AgentTestSupport.assertArchiveEquals(expected, AgentTestSupport.archived(
                new LocalObjectStore(store, StoreOptions.empty()), "prod", "big"), "big");
        assertThat(expected.values().stream().mapToInt(List::size).sum()).isEqualTo(150_000);
    }
}

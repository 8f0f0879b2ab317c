package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.MiniHdfs;
import dev.kafkadr.testkit.S3MockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store faults: the S3 server is killed while multipart uploads are in flight, and HDFS's only DataNode is stopped
 * while a segment is being written. Invariants: the run fails with one clear error line (exit code 5, store
 * unavailable) and no commit of a partial run; once the store is back, the next run commits; every committed record
 * restorable exactly once ({@code kdr verify --deep}, which also checks that no committed manifest references a
 * missing object, passes, and the archive equals a read_committed read of the source).
 */
class StoreFaultIT {

    static final int PARTITIONS = 4;
    /** How long the failure may take to surface once the store is gone (bounded client timeouts and retries). */
    static final Duration FAILS_WITHIN = Duration.ofSeconds(90);

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

    @Test
    void s3_killed_mid_upload_fails_the_run_cleanly_and_after_a_restart_the_next_run_is_exact() throws Exception {
        String topic = "to-s3";
        kafka.createTopic(topic, PARTITIONS);
        Path root = dir.resolve("s3-data");
        S3MockServer s3 = S3MockServer.launchAt(S3MockServer.freePort(), root);
        try {
            String bucket = s3.createBucket("kdr-fault");
            String uri = "s3://" + bucket + "/dr";
            List<String> agentStore = List.of("--store", uri, "--set", "store.s3.endpoint=" + s3.endpoint(),
                    "--set", "store.s3.region=" + S3MockServer.REGION, "--set", "store.s3.path-style-access=true",
                    "--set", "store.s3.access-key-id=" + S3MockServer.ACCESS_KEY,
                    "--set", "store.s3.secret-access-key=" + S3MockServer.SECRET_KEY,
                    "--set", "store.s3.part-size.bytes=5242880", "--set", "backup.segment.max.bytes=16777216");
            String[] kdrStore = {"--store", uri, "--store-option", "s3.endpoint=" + s3.endpoint(), "--store-option",
                    "s3.region=" + S3MockServer.REGION, "--store-option", "s3.path-style-access=true",
                    "--store-option", "s3.access-key-id=" + S3MockServer.ACCESS_KEY, "--store-option",
                    "s3.secret-access-key=" + S3MockServer.SECRET_KEY};
            StoreOptions options = StoreOptions.of(Map.of(StoreOptions.S3_ENDPOINT, s3.endpoint().toString(),
                    StoreOptions.S3_REGION, S3MockServer.REGION, StoreOptions.S3_PATH_STYLE, "true",
                    StoreOptions.S3_ACCESS_KEY_ID, S3MockServer.ACCESS_KEY, StoreOptions.S3_SECRET_ACCESS_KEY,
                    S3MockServer.SECRET_KEY));

            bulk(topic, 2_000);
            agent(topic, agentStore).assertSuccess();
            bulk(topic, 28_000);
            CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> agent(topic, agentStore));
            awaitWhileRunning(run, () -> multipartPartsOnDisk(root), "a multipart part reached S3");
            long killedAt = System.nanoTime();
            s3.kill();
            CommandResult failed = run.get(FAILS_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - killedAt) / 1_000_000;
            String outcome = "S3 killed mid-upload; the run failed " + tookMs + " ms later: exit " + failed.exitCode()
                    + ", stderr: " + failed.err().strip();
            System.out.println("[faults] " + outcome);
            assertCleanStoreFailure(failed, "S3", outcome);
            assertThat(Duration.ofMillis(tookMs)).as("failure surfaced in bounded time; %s", outcome)
                    .isLessThan(FAILS_WITHIN);

            s3 = S3MockServer.launchAt(s3.port(), root);
            try (ObjectStore store = ObjectStores.open(uri, options)) {
                assertThat(new ArchiveCatalog(store).committedRunIds("prod")).as("%s; %s", Faults.NO_PARTIAL_COMMIT,
                        outcome).hasSize(1);
            }
            agent(topic, agentStore).assertSuccess();
            Faults.assertVerifies(true, outcome, kdrStore);
            try (ObjectStore store = ObjectStores.open(uri, options)) {
                assertThat(new ArchiveCatalog(store).committedRunIds("prod")).hasSize(2);
                Faults.assertNoPartialRun(store, "prod", topic, PARTITIONS, outcome);
                Faults.assertArchiveExact(kafka, store, "prod", topic, outcome);
            }
        } finally {
            s3.close();
        }
    }

    @Test
    void hdfs_datanode_stopped_mid_write_fails_the_run_cleanly_and_after_a_restart_the_next_run_is_exact()
            throws Exception {
        String topic = "to-hdfs";
        kafka.createTopic(topic, PARTITIONS);
        try (MiniHdfs hdfs = MiniHdfs.start(dir.resolve("hdfs"));
             FileSystem fs = FileSystem.newInstance(hdfs.uri(), hdfs.configuration())) {
            String uri = hdfs.uri() + "/kdr/archive";
            List<String> agentStore = List.of("--store", uri, "--set", "backup.segment.max.bytes=4194304");

            bulk(topic, 2_000);
            agent(topic, agentStore).assertSuccess();
            bulk(topic, 24_000);
            CompletableFuture<CommandResult> run = CompletableFuture.supplyAsync(() -> agent(topic, agentStore));
            awaitWhileRunning(run, () -> tempFiles(fs, new org.apache.hadoop.fs.Path("/kdr/archive/.kdr-tmp")) > 0,
                    "a segment was being written to HDFS");
            long stoppedAt = System.nanoTime();
            hdfs.stopDataNode();
            CommandResult failed = run.get(FAILS_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;
            String outcome = "DataNode stopped mid-write; the run failed " + tookMs + " ms later: exit "
                    + failed.exitCode() + ", stderr: " + failed.err().strip();
            System.out.println("[faults] " + outcome);
            assertCleanStoreFailure(failed, "HDFS", outcome);
            assertThat(Duration.ofMillis(tookMs)).as("failure surfaced in bounded time; %s", outcome)
                    .isLessThan(FAILS_WITHIN);

            hdfs.restartDataNode();
            try (ObjectStore store = ObjectStores.open(uri, StoreOptions.empty())) {
                assertThat(new ArchiveCatalog(store).committedRunIds("prod")).as("%s; %s", Faults.NO_PARTIAL_COMMIT,
                        outcome).hasSize(1);
            }
            agent(topic, agentStore).assertSuccess();
            Faults.assertVerifies(true, outcome, "--store", uri);
            try (ObjectStore store = ObjectStores.open(uri, StoreOptions.empty())) {
                assertThat(new ArchiveCatalog(store).committedRunIds("prod")).hasSize(2);
                Faults.assertNoPartialRun(store, "prod", topic, PARTITIONS, outcome);
                Faults.assertArchiveExact(kafka, store, "prod", topic, outcome);
            }
        }
    }

    /** One line on stderr naming the store, exit code 5 (store unavailable), no stack trace. */
    private static void assertCleanStoreFailure(CommandResult r, String store, String outcome) {
        assertThat(r.exitCode()).as("exit code 5 (store unavailable); %s", outcome).isEqualTo(5);
        assertThat(r.err().strip().lines().toList()).as("one error line; %s", outcome).hasSize(1);
        assertThat(r.err()).as("a typed, clear error; %s", outcome).startsWith("kdr-agent: error: ")
                .doesNotContain("unexpected").doesNotContain("\tat ");
    }

    private static CommandResult agent(String topic, List<String> storeArgs) {
        List<String> args = new ArrayList<>(List.of("--once", "--bootstrap-server", kafka.bootstrapServers(),
                "--cluster-name", "prod", "--topics", topic, "--set", "metrics.port=-1", "--set",
                "backup.parallelism=2"));
        args.addAll(storeArgs);
        return RoundTrip.AGENT.run(args.toArray(String[]::new));
    }

    private static void awaitWhileRunning(CompletableFuture<CommandResult> run, BooleanSupplier condition,
                                          String what) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> condition.getAsBoolean() || run.isDone());
        assertThat(run.isDone()).as("the run was still going when %s: %s", what,
                run.isDone() ? run.join() : "").isFalse();
    }

    private static void bulk(String topic, int records) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            SplittableRandom bytes = new SplittableRandom(records);
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[1000];
                bytes.nextBytes(value);
                p.send(new ProducerRecord<>(topic, i % PARTITIONS, ("k" + i).getBytes(), value));
            }
        }
    }

    /** True once S3Mock holds a part of a multipart upload (it keeps them under a "multiparts" folder). */
    private static boolean multipartPartsOnDisk(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(p -> p.toString().contains("multiparts") && p.toString().endsWith(".part"));
        } catch (IOException | java.io.UncheckedIOException changingWhileWalked) {
            return false;
        }
    }

    /** Files being written (the store writes into its .kdr-tmp directory and renames when complete). */
    private static int tempFiles(FileSystem fs, org.apache.hadoop.fs.Path tmp) {
        try {
            if (!fs.exists(tmp)) {
                return 0;
            }
            int n = 0;
            RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(tmp, false);
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }
}

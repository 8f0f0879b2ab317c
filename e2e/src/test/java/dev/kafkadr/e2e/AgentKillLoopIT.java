package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.store.ObjectStore;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill loop for the backup agent. Invariants: every committed record restorable exactly once; no commit of a partial
 * run. The agent runs as a child JVM ({@code kdr-agent --once}) while a transactional producer keeps writing (every
 * fourth transaction aborted); it is SIGKILLed after a random delay (see {@link #STARTUP_KILL_SHARE}), N times (5 in
 * CI, {@code -Dkdr.faults.iterations=20} for the full loop; {@code -Dkdr.faults.seed=S} replays a printed seed).
 * After every kill each committed run covers every partition and {@code kdr verify} passes; after a final clean run
 * {@code kdr verify --deep} passes and the archive holds exactly what a read_committed read of the source holds.
 */
class AgentKillLoopIT {

    static final String TOPIC = "loop";
    static final int PARTITIONS = 4;
    /**
     * Where kills land: a share of them at a random delay in [MIN_DELAY_MS, STARTUP_WINDOW_MS) after the JVM started
     * (start-up, connecting, taking the cut); the rest at a random delay in [0, 1.2 x the expected work time) after
     * the run logged its cut (reads, segment writes, partition commits, the manifest, and sometimes after the run
     * ended). Counting from the cut keeps kills spread over the work on a loaded machine, where JVM start-up alone
     * can take seconds. The expected work time starts at INITIAL_EXPECTED_WORK_MS and follows what the loop observes.
     */
    static final double STARTUP_KILL_SHARE = 0.2;
    static final int MIN_DELAY_MS = 300;
    static final int STARTUP_WINDOW_MS = 3000;
    static final int INITIAL_EXPECTED_WORK_MS = 4000;
    /**
     * On a fast machine incremental runs can end within a second of their cut, so random kills may mostly land after
     * the end; then up to this many more kills follow, each at a random delay in [0, 0.5 x the expected work time)
     * after the cut, until a third of the planned kills landed mid-run.
     */
    static final int MAX_TOP_UP_KILLS = 10;
    /** Incompressible records written before the first run, so an uninterrupted run takes several seconds. */
    static final int BACKLOG = 100_000;

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(TOPIC, PARTITIONS);
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private JavaProcess agent(Path store, String name) {
        return Faults.agentOnce(kafka.bootstrapServers(), store, TOPIC, dir.resolve(name + ".log"),
                "backup.segment.block.bytes=65536");
    }

    @Test
    void an_agent_killed_at_random_points_while_data_flows_leaves_an_exact_archive_after_a_clean_run()
            throws Exception {
        Random random = Faults.random("AgentKillLoopIT");
        int iterations = Faults.iterations(5);
        Path store = dir.resolve("archive");
        String storeUri = store.toUri().toString();
        List<String> outcomes = new ArrayList<>();
        bulk(BACKLOG);
        try (LiveProducer producer = new LiveProducer(kafka, TOPIC, PARTITIONS, true, 4000, 400)) {
            awaitSent(producer, 2_000);
            long expectedWork = INITIAL_EXPECTED_WORK_MS;
            int needed = (iterations + 2) / 3;
            long midRun = 0;
            for (int i = 1; i <= iterations || midRun < needed && i <= iterations + MAX_TOP_UP_KILLS; i++) {
                boolean topUp = i > iterations; // too few kills landed mid-run: kill soon after the cut
                JavaProcess p = agent(store, "kill-" + i);
                String outcome;
                if (!topUp && random.nextDouble() < STARTUP_KILL_SHARE) {
                    long delay = MIN_DELAY_MS + random.nextInt(STARTUP_WINDOW_MS - MIN_DELAY_MS);
                    boolean finished = p.waitForExit(delay, TimeUnit.MILLISECONDS);
                    outcome = kill(p, store, i, delay + " ms after the JVM started", finished);
                } else {
                    long delay = (long) (random.nextDouble() * expectedWork * (topUp ? 0.5 : 1.2));
                    if (!awaitCut(p)) {
                        outcome = kill(p, store, i, "before it logged a cut", !p.isAlive());
                    } else {
                        long cutAt = System.nanoTime();
                        boolean finished = p.waitForExit(delay, TimeUnit.MILLISECONDS);
                        long worked = (System.nanoTime() - cutAt) / 1_000_000;
                        expectedWork = finished ? Math.max(MIN_DELAY_MS, worked) : Math.max(expectedWork, worked);
                        outcome = kill(p, store, i, delay + " ms after the cut", finished);
                    }
                }
                outcomes.add(outcome);
                if (outcome.contains("killed mid-run")) {
                    midRun++;
                }
                System.out.println("[faults] " + outcome);
                try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
                    Faults.assertNoPartialRun(s, "prod", TOPIC, PARTITIONS, outcome);
                }
                if (Files.isDirectory(store.resolve("clusters"))) {
                    Faults.assertVerifies(false, outcome, "--store", storeUri);
                }
            }
        }
        JavaProcess last = agent(store, "final");
        long finalStart = System.nanoTime();
        assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("the final clean run commits; log %s; %s", last.log(),
                outcomes).isZero();
        System.out.println("[faults] final clean run took " + (System.nanoTime() - finalStart) / 1_000_000 + " ms; "
                + phase(store));
        assertThat(outcomes.stream().filter(o -> o.contains("killed mid-run")).count())
                .as("at least a third of the %d planned kills landed mid-run (after up to %d more kills soon after the "
                        + "cut): %s", iterations, MAX_TOP_UP_KILLS, outcomes)
                .isGreaterThanOrEqualTo((iterations + 2) / 3);
        Faults.assertVerifies(true, "after the final run; " + outcomes, "--store", storeUri);
        try (ObjectStore s = new LocalObjectStore(store, StoreOptions.empty())) {
            Faults.assertNoPartialRun(s, "prod", TOPIC, PARTITIONS, outcomes.toString());
            Faults.assertArchiveExact(kafka, s, "prod", TOPIC, outcomes.toString());
        }
    }

    /** SIGKILLs the agent (unless it already ended) and describes what it left behind. */
    private static String kill(JavaProcess p, Path store, int i, String when, boolean finished) throws IOException {
        String left = phase(store);
        p.kill();
        return "kill " + i + " " + when + ": " + (finished ? "the run had already ended with exit code "
                + p.waitFor(1, TimeUnit.SECONDS) : "killed mid-run") + "; " + left;
    }

    /** Waits until the agent logged that it took the run's cut; false if it exited or never did. */
    private static boolean awaitCut(JavaProcess p) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !p.isAlive() || Files.readString(p.log()).contains("cut taken"));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
        return p.isAlive();
    }

    private static void bulk(int records) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            java.util.SplittableRandom bytes = new java.util.SplittableRandom(records);
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[400];
                bytes.nextBytes(value);
                p.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, ("b" + i).getBytes(), value));
            }
        }
    }

    private static void awaitSent(LiveProducer producer, long records) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> producer.sent() >= records);
    }

    /** What the killed run had left in the store: segment, commit-record and manifest files (temp files excluded). */
    private static String phase(Path store) throws IOException {
        return "store holds " + count(store, ".kseg") + " segments, " + count(store.resolve("clusters/prod/topics"),
                ".json") + " commit records, " + count(store.resolve("clusters/prod/manifests"), ".json")
                + " manifests";
    }

    private static long count(Path root, String suffix) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains(".kdr-tmp")).count();
        }
    }
}

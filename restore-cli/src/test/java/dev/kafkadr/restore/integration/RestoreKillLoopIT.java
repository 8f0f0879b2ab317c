package dev.kafkadr.restore.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.TargetAssert;
import dev.kafkadr.restore.testing.TestArchive;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill loop for {@code kdr restore topics}. Invariant: every archived record is restored exactly once, in order. The
 * restore runs as a child JVM (throttled so it lasts) and is SIGKILLed after a random delay (see
 * {@link #STARTUP_KILL_SHARE}), N times (5 in CI, {@code -Dkdr.faults.iterations=20} for the full loop;
 * {@code -Dkdr.faults.seed=S} replays a printed seed). After every kill each target partition holds a prefix of its
 * restore stream (nothing twice, nothing out of order); then the same command, run to completion, leaves every
 * partition holding every archived record exactly once.
 */
class RestoreKillLoopIT {

    static final String TOPIC = "loop";
    static final int PARTITIONS = 4;
    /**
     * Where kills land: a share of them at a random delay in [MIN_DELAY_MS, STARTUP_WINDOW_MS) after the JVM started
     * (start-up, planning, reading the target, creating the topic); the rest at a random delay in [0, 1.2 x the
     * expected write time) after the target started growing, so they spread over the writing even on a loaded
     * machine where start-up alone takes seconds.
     */
    static final double STARTUP_KILL_SHARE = 0.25;
    static final int MIN_DELAY_MS = 300;
    static final int STARTUP_WINDOW_MS = 3000;
    static final int INITIAL_EXPECTED_WRITE_MS = 5000;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static KafkaTestCluster kafka;
    static final Map<Integer, List<ArchivedRecord>> expected = new HashMap<>();
    static int iterations;

    @BeforeAll
    static void start() {
        iterations = Integer.getInteger("kdr.faults.iterations", 5);
        int records = 1000 + 250 * iterations;
        archive = new TestArchive(dir.resolve("archive"), "prod").segmentRecords(200);
        Instant cut = Instant.now().minusSeconds(60);
        TestArchive.Run run = archive.run(cut).topic(TopicMetadata.of(TOPIC, "id", PARTITIONS, 1, Map.of(),
                "CreateTime"));
        Random rnd = new Random(7);
        for (int p = 0; p < PARTITIONS; p++) {
            List<ArchivedRecord> recs = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[900 + rnd.nextInt(200)];
                rnd.nextBytes(value);
                recs.add(new ArchivedRecord(i * 3L, cut.toEpochMilli() - 3_600_000 + i, TimestampType.CREATE_TIME,
                        i % 10 == 0 ? null : TestArchive.bytes("key-" + i), i % 97 == 0 ? null : value,
                        List.of(new ArchivedHeader("seq", TestArchive.bytes(Integer.toString(i))))));
            }
            run.partition(TOPIC, p, 0, records * 3L, recs);
            expected.put(p, recs);
        }
        run.commit();
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void a_restore_killed_at_random_points_and_run_again_writes_every_record_exactly_once() throws Exception {
        long seed = Long.getLong("kdr.faults.seed", System.nanoTime());
        System.out.println("[faults] RestoreKillLoopIT: seed " + seed + " (replay with -Dkdr.faults.seed=" + seed
                + ")");
        Random random = new Random(seed);
        List<String> args = List.of("restore", "topics", "--store", archive.uri(), "--bootstrap-server",
                kafka.bootstrapServers(), "--parallelism", "4");
        List<String> outcomes = new ArrayList<>();
        long expectedWrite = INITIAL_EXPECTED_WRITE_MS;
        for (int i = 1; i <= iterations; i++) {
            List<String> throttled = new ArrayList<>(args);
            throttled.addAll(List.of("--max-bytes-per-second", "300000"));
            long before = written();
            try (JavaProcess restore = JavaProcess.start(Main.class.getName(), List.of("-Xmx256m",
                    "-XX:+UseSerialGC"), throttled, Map.of(), dir.resolve("kill-" + i + ".log"))) {
                String when;
                boolean finished;
                if (random.nextDouble() < STARTUP_KILL_SHARE) {
                    int delay = MIN_DELAY_MS + random.nextInt(STARTUP_WINDOW_MS - MIN_DELAY_MS);
                    finished = restore.waitForExit(delay, TimeUnit.MILLISECONDS);
                    when = delay + " ms after the JVM started";
                } else {
                    long delay = (long) (random.nextDouble() * expectedWrite * 1.2);
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                            .until(() -> !restore.isAlive() || written() > before);
                    long writing = System.nanoTime();
                    finished = restore.waitForExit(delay, TimeUnit.MILLISECONDS);
                    long wrote = (System.nanoTime() - writing) / 1_000_000;
                    expectedWrite = finished ? Math.max(MIN_DELAY_MS, wrote) : Math.max(expectedWrite, wrote);
                    when = delay + " ms after it started writing";
                }
                restore.kill();
                long held = heldPrefix("kill " + i + " " + when + " (seed " + seed + ")");
                String outcome = "kill " + i + " " + when + ": " + (finished ? "the restore had ended"
                        : "killed mid-run") + ", target holds " + held + " records (" + before + " before)";
                outcomes.add(outcome);
                System.out.println("[faults] " + outcome);
            }
        }
        CommandResult last = new CommandContext(Main::commandLine).run(args.toArray(String[]::new));
        assertThat(last.exitCode()).as("the final run completes; %s%nout: %s%nerr: %s", outcomes, last.out(),
                last.err()).isZero();
        assertThat(outcomes.stream().filter(o -> o.contains("mid-run")).count())
                .as("most kills caught the restore mid-run: %s", outcomes).isGreaterThanOrEqualTo((iterations + 1) / 2);
        TargetAssert.topicHolds(kafka, TOPIC, expected);
    }

    /**
     * Asserts every target partition holds a prefix of its restore stream (exactly once, in order, from offset 0)
     * and returns how many records the target holds.
     */
    /** Records the target topic holds now (0 before it exists). */
    private static long written() throws Exception {
        try (Admin admin = kafka.admin()) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(TOPIC, p), OffsetSpec.latest());
            }
            try {
                return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                        .mapToLong(i -> i.offset()).sum();
            } catch (java.util.concurrent.ExecutionException notReadyYet) {
                return 0;
            }
        }
    }

    private static long heldPrefix(String context) throws Exception {
        try (Admin admin = kafka.admin()) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                return 0;
            }
        }
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> held = kafka.readAll(TOPIC, "read_committed");
        long total = 0;
        for (Map.Entry<Integer, List<ConsumerRecord<byte[], byte[]>>> e : held.entrySet()) {
            List<ArchivedRecord> want = expected.get(e.getKey());
            assertThat(e.getValue().size()).as("invariant: exactly once; %s-%d after %s", TOPIC, e.getKey(), context)
                    .isLessThanOrEqualTo(want.size());
            TargetAssert.sameRecords("invariant: every record exactly once, in order; " + TOPIC + "-" + e.getKey()
                    + " after " + context, e.getValue(), want.subList(0, e.getValue().size()), 0);
            total += e.getValue().size();
        }
        return total;
    }
}

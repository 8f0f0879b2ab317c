package dev.kafkadr.restore.integration;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill loop for {@code kdr restore topics}. Invariant: every archived record is restored exactly once, in order. The
 * restore runs as a child JVM (throttled so it lasts) and is SIGKILLed after a random delay, N times (5 in CI,
 * {@code -Dkdr.faults.iterations=20} for the full loop; {@code -Dkdr.faults.seed=S} replays a printed seed). After
 * every kill each target partition holds a prefix of its restore stream (nothing twice, nothing out of order); then
 * the same command, run to completion, leaves every partition holding every archived record exactly once.
 */
class RestoreKillLoopIT {

    static final String TOPIC = "loop";
    static final int PARTITIONS = 4;
    static final int MIN_DELAY_MS = 500;
    static final int MAX_DELAY_MS = 8000;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static KafkaTestCluster kafka;
    static final Map<Integer, List<ArchivedRecord>> expected = new HashMap<>();
    static int iterations;

    @BeforeAll
    static void start() {
        iterations = Integer.getInteger("kdr.faults.iterations", 5);
        int records = 1500 + 250 * iterations;
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
        for (int i = 1; i <= iterations; i++) {
            int delay = MIN_DELAY_MS + random.nextInt(MAX_DELAY_MS - MIN_DELAY_MS);
            List<String> throttled = new ArrayList<>(args);
            throttled.addAll(List.of("--max-bytes-per-second", "300000"));
            try (JavaProcess restore = JavaProcess.start(Main.class.getName(), List.of("-Xmx256m",
                    "-XX:+UseSerialGC"), throttled, Map.of(), dir.resolve("kill-" + i + ".log"))) {
                boolean finished = restore.waitForExit(delay, TimeUnit.MILLISECONDS);
                restore.kill();
                long held = heldPrefix("kill " + i + " after " + delay + " ms (seed " + seed + ")");
                String outcome = "kill " + i + " after " + delay + " ms: " + (finished ? "the restore had ended"
                        : "killed mid-run") + ", target holds " + held + " records";
                outcomes.add(outcome);
                System.out.println("[faults] " + outcome);
            }
        }
        CommandResult last = new CommandContext(Main::commandLine).run(args.toArray(String[]::new));
        assertThat(last.exitCode()).as("the final run completes; %s%nout: %s%nerr: %s", outcomes, last.out(),
                last.err()).isZero();
        assertThat(outcomes).as("the kills caught the restore mid-run").allMatch(o -> o.contains("mid-run"));
        TargetAssert.topicHolds(kafka, TOPIC, expected);
    }

    /**
     * Asserts every target partition holds a prefix of its restore stream (exactly once, in order, from offset 0)
     * and returns how many records the target holds.
     */
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

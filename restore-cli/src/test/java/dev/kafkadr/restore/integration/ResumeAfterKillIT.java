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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a running restore with SIGKILL (a child JVM running {@code kdr}) while the target is partly written, runs
 * the same command again, and checks every partition holds every archived record exactly once, in order.
 */
class ResumeAfterKillIT {

    static final String TOPIC = "bulk";
    static final int PARTITIONS = 4;
    static final int RECORDS = 1500;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static KafkaTestCluster kafka;
    static final Map<Integer, List<ArchivedRecord>> expected = new HashMap<>();

    @BeforeAll
    static void start() {
        archive = new TestArchive(dir.resolve("archive"), "prod").segmentRecords(200);
        Instant cut = Instant.now().minusSeconds(60);
        TestArchive.Run run = archive.run(cut).topic(TopicMetadata.of(TOPIC, "id", PARTITIONS, 1, Map.of(),
                "CreateTime"));
        Random rnd = new Random(42);
        for (int p = 0; p < PARTITIONS; p++) {
            List<ArchivedRecord> recs = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                byte[] value = new byte[900 + rnd.nextInt(200)];
                rnd.nextBytes(value);
                recs.add(new ArchivedRecord(i * 2L, cut.toEpochMilli() - 3_600_000 + i, TimestampType.CREATE_TIME,
                        i % 10 == 0 ? null : TestArchive.bytes("key-" + i), i % 97 == 0 ? null : value,
                        List.of(new ArchivedHeader("seq", TestArchive.bytes(Integer.toString(i))),
                                new ArchivedHeader("n", null))));
            }
            run.partition(TOPIC, p, 0, RECORDS * 2L, recs);
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
    void a_restore_killed_mid_run_and_run_again_writes_every_record_exactly_once() throws Exception {
        List<String> args = List.of("restore", "topics", "--store", archive.uri(), "--bootstrap-server",
                kafka.bootstrapServers(), "--max-bytes-per-second", "1500000", "--parallelism", "4");
        long total = (long) PARTITIONS * RECORDS;
        long atKill;
        try (JavaProcess restore = JavaProcess.start(Main.class.getName(), List.of("-Xmx256m"), args, Map.of(),
                dir.resolve("kill.log"))) {
            atKill = awaitPartlyWritten(restore, total);
            restore.kill();
        }
        long afterKill = written();
        assertThat(afterKill).as("the kill caught the restore mid-run (log: %s)", Files.readString(
                dir.resolve("kill.log"))).isGreaterThanOrEqualTo(atKill).isLessThan(total);

        CommandResult again = new CommandContext(Main::commandLine).run(args.toArray(String[]::new)).assertSuccess();
        assertThat(again.err()).contains("warning: resuming topic bulk: " + afterKill + " of " + total
                + " records are already there and are skipped");
        assertThat(again.out()).contains("restored " + String.format("%,d", total - afterKill) + " records");
        TargetAssert.topicHolds(kafka, TOPIC, expected);
    }

    /** Waits until between 15 % and 85 % of the records are in the target; returns how many were. */
    private static long awaitPartlyWritten(JavaProcess p, long total) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            long n = written();
            if (n >= total * 15 / 100) {
                assertThat(n).as("too late to catch the restore mid-run").isLessThan(total * 85 / 100);
                return n;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the restore exited with " + p.waitFor(1, TimeUnit.SECONDS)
                        + " before it could be killed: " + Files.readString(p.log()));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the restore wrote nothing in 60 s: " + Files.readString(p.log()));
    }

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

}

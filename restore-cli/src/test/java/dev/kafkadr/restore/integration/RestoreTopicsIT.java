package dev.kafkadr.restore.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TargetAssert;
import dev.kafkadr.restore.testing.TestArchive;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores the rich corpus into real Kafka clusters through the {@code kdr} command line and reads every partition
 * back with a consumer: a 3-broker cluster with the archived replication factor, and a second single-node cluster
 * with renamed topics, a smaller replication factor and point-in-time, from-earliest and as-of-run selections; plus
 * the refusals (non-empty or too narrow targets, replication factor above the broker count) and --dry-run.
 */
class RestoreTopicsIT {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static KafkaTestCluster three;
    static KafkaTestCluster single;
    final CommandContext kdr = new CommandContext(Main::commandLine);

    @BeforeAll
    static void start() {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        three = KafkaTestCluster.builder().brokers(3).start();
        single = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        if (three != null) {
            three.close();
        }
        if (single != null) {
            single.close();
        }
    }

    private CommandResult restore(KafkaTestCluster kafka, String... args) {
        String[] base = {"restore", "topics", "--store", corpus.storeUri(), "--bootstrap-server",
                kafka.bootstrapServers()};
        String[] all = java.util.Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return kdr.run(all);
    }

    private static Map<Integer, List<ArchivedRecord>> expected(String topic,
                                                               BiFunction<String, Integer, List<ArchivedRecord>> f) {
        Map<Integer, List<ArchivedRecord>> m = new HashMap<>();
        for (int p = 0; p < ArchivedCorpus.partitions(topic); p++) {
            m.put(p, f.apply(topic, p));
        }
        return m;
    }

    @Test
    void a_full_restore_writes_every_partition_with_the_same_records_in_the_same_order() throws Exception {
        CommandResult r = restore(three, "--progress-interval-ms", "100").assertSuccess();
        assertThat(r.out()).startsWith("restoring: cluster prod as of run " + corpus.run2)
                .contains("5 topics created, 0 records were already there");
        assertThat(r.err()).contains("warning: topic audit: archived with message.timestamp.type=LogAppendTime,"
                + " created with CreateTime so records keep their archived timestamps (the timestamp type changed)")
                .contains("progress: ").contains("(100%)");
        for (String topic : ArchivedCorpus.topics()) {
            TargetAssert.topicHolds(three, topic, expected(topic, corpus::expected));
        }
        try (Admin admin = three.admin()) {
            assertThat(TargetAssert.describe(admin, "orders").partitions()).hasSize(12)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            assertThat(TargetAssert.configs(admin, "orders")).containsEntry("min.insync.replicas", "2")
                    .containsEntry("retention.ms", "604800000");
            assertThat(TargetAssert.configs(admin, "audit")).containsEntry("message.timestamp.type", "CreateTime");
            assertThat(TargetAssert.configs(admin, "compacted")).containsEntry("cleanup.policy", "compact");
        }

        CommandResult again = restore(three).assertSuccess();
        assertThat(again.out()).contains("restored 0 records").contains("0 topics created");
        assertThat(again.err()).contains("warning: resuming topic orders: " + totalRecords("orders") + " of "
                + totalRecords("orders") + " records are already there and are skipped");
        TargetAssert.topicHolds(three, "orders", expected("orders", corpus::expected));
    }

    private long totalRecords(String topic) {
        long n = 0;
        for (int p = 0; p < ArchivedCorpus.partitions(topic); p++) {
            n += corpus.expected(topic, p).size();
        }
        return n;
    }

    @Test
    void a_restore_to_a_second_cluster_renames_topics_and_lowers_the_replication_factor() {
        CommandResult r = restore(single, "--topics", "orders|audit", "--rename", "orders=orders-dr", "--rename",
                "audit=audit-dr", "--replication-factor", "1", "--compression", "zstd", "--parallelism", "2")
                .assertSuccess();
        assertThat(r.err()).contains("warning: topic orders-dr: min.insync.replicas lowered from 2 to 1 to fit"
                + " replication factor 1");
        TargetAssert.topicHolds(single, "orders-dr", expected("orders", corpus::expected));
        TargetAssert.topicHolds(single, "audit-dr", expected("audit", corpus::expected));
    }

    @Test
    void a_point_in_time_restore_keeps_only_records_up_to_that_time() {
        CommandResult r = restore(single, "--to-time", corpus.toTime.toString(), "--topics", "orders|retained",
                "--rename", "orders=orders-pit", "--rename", "retained=retained-pit", "--replication-factor", "1")
                .assertSuccess();
        assertThat(r.out()).contains("records with timestamp <= " + corpus.toTime);
        TargetAssert.topicHolds(single, "orders-pit", expected("orders", corpus::expectedToTime));
        TargetAssert.topicHolds(single, "retained-pit", expected("retained", corpus::expectedToTime));
        assertThat(corpus.expectedToTime("orders", 2)).as("the corpus has a late offset with an early timestamp")
                .anyMatch(a -> a.offset() >= corpus.endOffsetRun1("orders", 2));
    }

    @Test
    void from_earliest_and_an_older_run_select_other_records() {
        restore(single, "--topics", "retained", "--from-earliest", "--rename", "retained=retained-all")
                .assertSuccess();
        TargetAssert.topicHolds(single, "retained-all", expected("retained", corpus::expectedFromEarliest));
        restore(single, "--topics", "txn", "--run", corpus.run1, "--rename", "txn=txn-run1").assertSuccess();
        TargetAssert.topicHolds(single, "txn-run1", expected("txn", corpus::expectedRun1));
    }

    @Test
    void a_non_empty_target_is_refused_naming_it_and_its_record_count_and_append_adds_after_it() throws Exception {
        single.createTopic("occupied", 1);
        try (KafkaProducer<byte[], byte[]> p = single.producer()) {
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>("occupied", 0, null, ("foreign " + i).getBytes())).get();
            }
        }
        CommandResult r = restore(single, "--topics", "txn", "--rename", "txn=occupied");
        r.assertExitCode(7);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasLineCount(1).startsWith("kdr: error: target topic 'occupied' already holds 3 records"
                + " that are not a prefix of this restore (partition 0: target record at offset 0 differs from restore"
                + " record 0").endsWith("; nothing was written: restore into another topic with --rename, delete the"
                + " target topic, or add to it with --append" + System.lineSeparator());
        assertThat(single.readAll("occupied", "read_committed").get(0)).hasSize(3);

        restore(single, "--topics", "txn", "--rename", "txn=occupied", "--append").assertSuccess();
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> all =
                single.readAll("occupied", "read_committed").get(0);
        TargetAssert.sameRecords("occupied", all.subList(3, all.size()), corpus.expected("txn", 0), 3);
    }

    @Test
    void a_target_with_fewer_partitions_is_refused_naming_both_counts() {
        single.createTopic("narrow", 1);
        CommandResult r = restore(single, "--topics", "audit", "--rename", "audit=narrow");
        r.assertExitCode(7);
        assertThat(r.err()).isEqualTo("kdr: error: target topic 'narrow' has 1 partitions but the restore needs 2;"
                + " nothing was written: restore into another topic with --rename, delete the target topic, or add to"
                + " it with --append" + System.lineSeparator());
    }

    @Test
    void a_replication_factor_above_the_broker_count_is_refused_before_anything_is_created() throws Exception {
        CommandResult r = restore(single, "--topics", "orders|txn", "--rename", "orders=orders-rf", "--rename",
                "txn=txn-rf");
        r.assertExitCode(2);
        assertThat(r.err()).isEqualTo("kdr: error: topic orders-rf: replication factor 3 (archived) is more than the"
                + " 1 brokers of " + single.bootstrapServers() + ": give --replication-factor 1 or less"
                + System.lineSeparator());
        try (Admin admin = single.admin()) {
            assertThat(TargetAssert.topics(admin)).doesNotContain("orders-rf", "txn-rf");
        }
    }

    @Test
    void records_older_than_the_topic_retention_are_announced_before_anything_is_written() {
        TestArchive old = new TestArchive(dir.resolve("old-archive"), "legacy");
        Instant cut = Instant.now().minus(Duration.ofHours(3));
        old.run(cut).topic(TopicMetadata.of("short", "id", 1, 1,
                        Map.of("retention.ms", "3600000"), "CreateTime"))
                .partition("short", 0, 0, 1, List.of(TestArchive.record(0, cut.toEpochMilli() - 1000, "k", "v")))
                .commit();
        CommandResult r = kdr.run("restore", "topics", "--store", old.uri(), "--bootstrap-server",
                single.bootstrapServers(), "--dry-run").assertSuccess();
        assertThat(r.err()).contains("warning: topic short: it has records from ")
                .contains("older than its retention.ms=3600000: the target broker will delete them soon after the"
                        + " restore");
    }

    @Test
    void a_dry_run_prints_the_plan_and_creates_nothing() throws Exception {
        CommandResult r = restore(single, "--dry-run", "--topics", "orders|compacted", "--rename",
                "orders=orders-dry", "--rename", "compacted=compacted-dry", "--replication-factor", "1")
                .assertSuccess();
        assertThat(r.out()).startsWith("restore plan (dry run, nothing is changed): cluster prod as of run "
                + corpus.run2)
                .contains("topic compacted -> compacted-dry: create with 2 partitions, replication factor 1, configs"
                        + " {cleanup.policy=compact}")
                .contains("topic orders -> orders-dry: create with 12 partitions, replication factor 1, configs"
                        + " {cleanup.policy=delete, min.insync.replicas=1, retention.ms=604800000}")
                .contains("  0          [0, 90)          62       0        62")
                .contains("total: 2 topics, 14 partitions, ");
        try (Admin admin = single.admin()) {
            assertThat(TargetAssert.topics(admin)).doesNotContain("orders-dry", "compacted-dry");
        }
    }
}

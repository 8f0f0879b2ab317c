package dev.kafkadr.restore.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores consumer-group offsets onto restored topics in a real cluster and reads them back with AdminClient:
 * offsets committed inside a compaction gap, inside an aborted transaction, at the log end, inside a retention gap
 * and beyond a point-in-time cut all land on the first restored record at or after them (or the end); groups with
 * active members are refused and left unchanged; a target changed since the restore is refused.
 */
class OffsetRestoreIT {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static KafkaTestCluster kafka;
    final CommandContext kdr = new CommandContext(Main::commandLine);

    @BeforeAll
    static void start() {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        kafka = KafkaTestCluster.start();
        new CommandContext(Main::commandLine).run("restore", "topics", "--store", corpus.storeUri(),
                "--bootstrap-server", kafka.bootstrapServers(), "--replication-factor", "1").assertSuccess();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private CommandResult run(String command, String... args) {
        String[] base = {"restore", command, "--store", corpus.storeUri(), "--bootstrap-server",
                kafka.bootstrapServers()};
        String[] all = java.util.Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return kdr.run(all);
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        }
    }

    /** The rule, computed on the expected records: index of the first restored record at or after C, or the end. */
    private static long rule(List<ArchivedRecord> restored, long committed) {
        for (int i = 0; i < restored.size(); i++) {
            if (restored.get(i).offset() >= committed) {
                return i;
            }
        }
        return restored.size();
    }

    @Test
    void committed_offsets_in_gaps_and_at_the_end_move_to_the_next_restored_record() throws Exception {
        CommandResult r = run("offsets").assertSuccess();
        assertThat(r.out()).contains("consumer-group offsets from the snapshot of run " + corpus.run2)
                .contains("groups with no offset on a restored partition (nothing to commit): g-ghost")
                .contains("committed offsets of 4 groups: g-compact, g-end, g-retained, g-txn");

        OffsetAndMetadata compact = committed("g-compact").get(new TopicPartition("compacted", 0));
        assertThat(compact.offset()).as("31 was compacted away: record 32 is restored record 21").isEqualTo(21)
                .isEqualTo(rule(corpus.expected("compacted", 0), 31));
        OffsetAndMetadata txn = committed("g-txn").get(new TopicPartition("txn", 0));
        assertThat(txn.offset()).as("12 was in an aborted transaction: record 16 is restored record 10")
                .isEqualTo(10).isEqualTo(rule(corpus.expected("txn", 0), 12));
        assertThat(txn.metadata()).isEqualTo("m");
        Map<TopicPartition, OffsetAndMetadata> end = committed("g-end");
        assertThat(end.get(new TopicPartition("orders", 0)).offset()).as("at the log end")
                .isEqualTo(corpus.expected("orders", 0).size());
        assertThat(end.get(new TopicPartition("orders", 0)).metadata()).isEqualTo("at-end");
        assertThat(end.get(new TopicPartition("orders", 3)).offset()).isEqualTo(5);
        assertThat(committed("g-retained").get(new TopicPartition("retained", 0)).offset())
                .as("25 lies in the retention gap, below the first restored record (30)").isEqualTo(0);
        assertThat(committed("g-ghost")).isEmpty();
    }

    @Test
    void a_dry_run_prints_each_translation_and_commits_nothing_then_from_earliest_commits() throws Exception {
        run("topics", "--topics", "retained", "--from-earliest", "--rename", "retained=retained-all")
                .assertSuccess();
        CommandResult dry = run("offsets", "--topics", "retained", "--from-earliest", "--rename",
                "retained=retained-all", "--groups", "g-retained", "--dry-run").assertSuccess();
        assertThat(dry.out()).contains("(dry run, nothing is committed)")
                .containsPattern("g-retained +retained +0 +25 +-> +20 +retained-all");
        assertThat(committed("g-retained")).doesNotContainKey(new TopicPartition("retained-all", 0));

        run("offsets", "--topics", "retained", "--from-earliest", "--rename", "retained=retained-all", "--groups",
                "g-retained").assertSuccess();
        assertThat(committed("g-retained").get(new TopicPartition("retained-all", 0)).offset())
                .isEqualTo(20).isEqualTo(rule(corpus.expectedFromEarliest("retained", 0), 25));
    }

    @Test
    void an_offset_beyond_a_point_in_time_cut_moves_to_the_restored_end() throws Exception {
        String t = corpus.toTime.toString();
        run("topics", "--to-time", t, "--topics", "orders", "--rename", "orders=orders-pit", "--replication-factor",
                "1").assertSuccess();
        CommandResult r = run("offsets", "--to-time", t, "--topics", "orders", "--rename", "orders=orders-pit",
                "--groups", "g-totime").assertSuccess();
        assertThat(r.out()).contains("snapshot of run " + corpus.run1);
        List<ArchivedRecord> restored = corpus.expectedToTime("orders", 1);
        assertThat(restored.get(restored.size() - 1).offset())
                .as("the last records before the committed offset have late timestamps")
                .isLessThan(corpus.endOffsetRun1("orders", 1) - 1);
        assertThat(committed("g-totime").get(new TopicPartition("orders-pit", 1)).offset())
                .isEqualTo(restored.size());
    }

    @Test
    @SuppressWarnings("try") // the member only has to exist while the command runs
    void a_group_with_active_members_is_refused_and_unchanged_while_the_others_are_committed() throws Exception {
        run("topics", "--topics", "txn|retained", "--rename", "txn=txn-live", "--rename", "retained=retained-live")
                .assertSuccess();
        try (KafkaConsumer<byte[], byte[]> member = member("g-txn", "txn-live")) {
            CommandResult r = run("offsets", "--topics", "txn|retained", "--rename", "txn=txn-live", "--rename",
                    "retained=retained-live");
            r.assertExitCode(7);
            assertThat(r.out()).contains("committed offsets of 1 groups: g-retained");
            assertThat(r.err()).hasLineCount(1).startsWith("kdr: error: consumer group 'g-txn' (members [")
                    .contains("has active members on the target; its offsets were not changed");
            assertThat(committed("g-txn")).doesNotContainKey(new TopicPartition("txn-live", 0));
            assertThat(committed("g-retained").get(new TopicPartition("retained-live", 0)).offset()).isZero();
        }
    }

    @Test
    void a_target_changed_since_the_restore_is_refused_and_nothing_is_committed() throws Exception {
        run("topics", "--topics", "txn", "--rename", "txn=txn-changed").assertSuccess();
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            p.send(new ProducerRecord<>("txn-changed", 0, null, "someone else".getBytes())).get();
        }
        CommandResult r = run("offsets", "--topics", "txn", "--rename", "txn=txn-changed", "--groups", "g-txn");
        r.assertExitCode(7);
        assertThat(r.err()).hasLineCount(1).startsWith("kdr: error: target topic changed since the restore:"
                + " txn-changed-0: target record at offset 1 differs from restore record 0");
        assertThat(committed("g-txn")).doesNotContainKey(new TopicPartition("txn-changed", 0));
    }

    @Test
    void offsets_for_a_topic_that_was_not_restored_are_not_found() {
        CommandResult r = run("offsets", "--topics", "txn", "--rename", "txn=txn-never-restored");
        r.assertExitCode(4);
        assertThat(r.err()).isEqualTo("kdr: error: restored topic partition txn-never-restored-0 does not exist on "
                + kafka.bootstrapServers() + ": restore the topics first ('kdr restore topics' with the same"
                + " --run/--to-time/--from-earliest/--partitions/--rename)" + System.lineSeparator());
    }

    private static KafkaConsumer<byte[], byte[]> member(String group, String topic) {
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        c.subscribe(List.of(topic));
        Instant deadline = Instant.now().plusSeconds(30);
        while (c.assignment().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("consumer of " + group + " got no assignment");
            }
            c.poll(Duration.ofMillis(100));
        }
        return c;
    }
}

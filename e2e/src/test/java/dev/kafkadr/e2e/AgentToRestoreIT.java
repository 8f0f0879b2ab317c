package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.RichCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story on one real 3-broker cluster: kdr-agent backs up the rich corpus (12 partitions, null/empty keys,
 * tombstones, null header values, both timestamp types, a compacted topic, aborted transactions), the topics are
 * deleted, kdr restores topics and group offsets, and every partition is compared field by field.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentToRestoreIT {

    static KafkaTestCluster kafka;
    static RichCorpus corpus;
    @TempDir
    static Path dir;
    static String storeUri;
    static ObjectStore store;
    static Map<TopicPartition, Long> committed;

    @BeforeAll
    static void backUpThenLoseEverything() throws Exception {
        kafka = KafkaTestCluster.builder().brokers(3).start();
        corpus = new RichCorpus(kafka, "").create(3);
        storeUri = dir.resolve("archive").toUri().toString();
        store = new LocalObjectStore(dir.resolve("archive"), StoreOptions.empty());
        RoundTrip.AGENT.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--store", storeUri,
                "--cluster-name", "prod", "--set", "metrics.port=-1").assertSuccess();
        try (Admin admin = kafka.admin()) {
            committed = new java.util.HashMap<>();
            admin.listConsumerGroupOffsets(corpus.group()).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, om) -> committed.put(tp, om.offset()));
        }
        RoundTrip.deleteTopics(kafka, corpus.topics());
        try (Admin admin = kafka.admin()) {
            admin.deleteConsumerGroups(List.of(corpus.group())).all().get();
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    @Order(1)
    void the_agents_archive_verifies_deeply() {
        CommandResult r = RoundTrip.KDR.run("verify", "--store", storeUri, "--deep");
        r.assertSuccess();
    }

    @Test
    @Order(2)
    void restored_topics_hold_the_same_records_in_the_same_order_with_the_same_fields() {
        CommandResult r = RoundTrip.KDR.run("restore", "topics", "--store", storeUri, "--bootstrap-server",
                kafka.bootstrapServers(), "--cluster", "prod");
        r.assertSuccess();
        assertThat(r.err()).contains(corpus.events()).contains("LogAppendTime");
        for (String topic : corpus.topics()) {
            Map<Integer, List<ArchivedRecord>> archived = RoundTrip.archived(store, "prod", topic);
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> restored = kafka.readAll(topic, "read_committed");
            assertThat(restored.keySet()).as(topic).isEqualTo(archived.keySet());
            archived.forEach((p, records) -> RoundTrip.assertRestored(restored.get(p), records, topic + "-" + p));
        }
        assertThat(RoundTrip.archived(store, "prod", corpus.payments()).values().stream().flatMap(List::stream))
                .as("aborted transactions were never archived").noneMatch(a -> new String(a.value())
                        .startsWith("ABORTED"));
    }

    @Test
    @Order(3)
    void group_offsets_are_translated_to_the_restored_offsets() throws Exception {
        RoundTrip.KDR.run("restore", "offsets", "--store", storeUri, "--bootstrap-server", kafka.bootstrapServers(),
                "--cluster", "prod").assertSuccess();
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> now = admin.listConsumerGroupOffsets(corpus.group())
                    .partitionsToOffsetAndMetadata().get();
            assertThat(now.keySet()).isEqualTo(committed.keySet());
            committed.forEach((tp, c) -> {
                List<ArchivedRecord> records = RoundTrip.archived(store, "prod", tp.topic()).get(tp.partition());
                assertThat(now.get(tp).offset()).as("%s committed at %d", tp, c)
                        .isEqualTo(RoundTrip.translate(records, c));
            });
        }
    }
}

package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.GroupOffset;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.RichCorpus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One rich corpus on a real 3-broker cluster, backed up twice into a local archive. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRunIT {

    static KafkaTestCluster kafka;
    static RichCorpus corpus;
    @TempDir
    static Path dir;
    static ObjectStore store;
    static BackupEngine engine;
    static RunResult first;

    @BeforeAll
    static void setUp() {
        kafka = KafkaTestCluster.builder().brokers(3).start();
        corpus = new RichCorpus(kafka, "").create(3);
        store = new LocalObjectStore(dir, StoreOptions.empty());
        AgentConfig cfg = AgentTestSupport.config(kafka.bootstrapServers(), dir.toUri().toString(), "prod",
                Map.of(AgentConfig.SEGMENT_MAX_BYTES, String.valueOf(1 << 20), AgentConfig.BLOCK_BYTES, "8192"));
        engine = AgentTestSupport.engine(cfg, store);
    }

    @AfterAll
    static void tearDown() {
        kafka.close();
    }

    @Test
    @Order(1)
    void one_run_backs_up_exactly_the_committed_records_of_every_partition() {
        first = engine.runOnce();
        assertThat(first.topics()).isEqualTo(4);
        assertThat(first.partitions()).isEqualTo(12 + 1 + 3 + 4);
        for (String topic : List.of(corpus.orders(), corpus.events(), corpus.payments())) {
            AgentTestSupport.assertArchiveEquals(kafka.readAll(topic, "read_committed"),
                    AgentTestSupport.archived(store, "prod", topic), topic);
        }
        AgentTestSupport.assertArchiveContains(kafka.readAll(corpus.accounts(), "read_committed"),
                AgentTestSupport.archived(store, "prod", corpus.accounts()), corpus.accounts());
        Map<Integer, List<ArchivedRecord>> payments = AgentTestSupport.archived(store, "prod", corpus.payments());
        assertThat(payments.values().stream().flatMap(List::stream))
                .noneMatch(r -> new String(r.value()).startsWith("ABORTED"));
        assertThat(AgentTestSupport.archived(store, "prod", corpus.events()).get(0))
                .allMatch(r -> r.timestampType() == TimestampType.LOG_APPEND_TIME);
        assertThat(AgentTestSupport.archived(store, "prod", corpus.orders()).values().stream()
                .flatMap(List::stream)).anyMatch(r -> r.key() == null).anyMatch(r -> r.value() == null)
                .anyMatch(r -> r.headers().stream().anyMatch(h -> h.value() == null));
    }

    @Test
    @Order(2)
    void topic_configs_and_group_offsets_in_the_archive_match_what_admin_reports() throws Exception {
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        RunManifest m = catalog.manifest("prod", first.runId());
        TopicsSnapshot topics = catalog.readJson(m.metadata().key(), TopicsSnapshot.class);
        GroupsSnapshot groups = catalog.readJson(m.groups().key(), GroupsSnapshot.class);
        try (Admin admin = kafka.admin()) {
            for (TopicMetadata t : topics.topics()) {
                Config live = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, t.name())))
                        .all().get().values().iterator().next();
                for (ConfigEntry e : live.entries()) {
                    if (e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                        assertThat(t.configs()).as(t.name()).containsEntry(e.name(), e.value());
                    }
                }
                assertThat(t.replicationFactor()).isEqualTo(3);
            }
            assertThat(topics.topics()).filteredOn(t -> t.name().equals(corpus.accounts())).singleElement()
                    .satisfies(t -> assertThat(t.configs()).containsEntry("cleanup.policy", "compact"));
            assertThat(topics.topics()).filteredOn(t -> t.name().equals(corpus.events())).singleElement()
                    .satisfies(t -> assertThat(t.timestampType()).isEqualTo("LogAppendTime"));

            Map<TopicPartition, OffsetAndMetadata> live = admin.listConsumerGroupOffsets(corpus.group())
                    .partitionsToOffsetAndMetadata().get();
            List<GroupOffset> archived = groups.groups().stream().filter(g -> g.group().equals(corpus.group()))
                    .findFirst().orElseThrow().offsets();
            assertThat(archived).hasSize(live.size());
            for (GroupOffset o : archived) {
                assertThat(o.offset()).isEqualTo(live.get(new TopicPartition(o.topic(), o.partition())).offset());
                assertThat(o.metadata()).isEqualTo("corpus");
            }
        }
    }

    @Test
    @Order(3)
    void a_second_run_backs_up_only_the_new_records() {
        corpus.writeBatch(60);
        RunResult second = engine.runOnce();
        long archived = 0;
        for (String topic : corpus.topics()) {
            Map<Integer, List<ArchivedRecord>> a = AgentTestSupport.archived(store, "prod", topic);
            archived += a.values().stream().mapToLong(List::size).sum();
            if (topic.equals(corpus.accounts())) {
                // compaction keeps removing old values from Kafka; the archive keeps what each run read
                AgentTestSupport.assertArchiveContains(kafka.readAll(topic, "read_committed"), a, topic);
            } else {
                AgentTestSupport.assertArchiveEquals(kafka.readAll(topic, "read_committed"), a, topic);
            }
        }
        assertThat(first.records() + second.records()).as("nothing twice, nothing missed").isEqualTo(archived);
        RunResult third = engine.runOnce();
        assertThat(third.records()).isZero();
        assertThat(third.partitionsChanged()).isZero();
    }
}

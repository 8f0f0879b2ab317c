package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.backup.BackupEngine;
import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.config.AgentConfigLoader;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.RecordConversions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Helpers for agent integration tests: engines on real clusters and stores, reading archives back. */
final class AgentTestSupport {

    private AgentTestSupport() {
    }

    static AgentConfig config(String bootstrap, String storeUri, String cluster, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(AgentConfig.SOURCE_BOOTSTRAP, bootstrap);
        m.put(AgentConfig.STORE_URI, storeUri);
        m.put(AgentConfig.SOURCE_NAME, cluster);
        m.put(AgentConfig.METRICS_PORT, "-1");
        m.putAll(extra);
        return AgentConfigLoader.load(null, m);
    }

    static BackupEngine engine(AgentConfig cfg, ObjectStore store) {
        return new BackupEngine(cfg, KafkaClientConfig.load(cfg.bootstrapServers(), null), store,
                BackupListener.NONE, Clock.systemUTC(), "test");
    }

    /** Every archived record of a topic as of the newest run, per partition, in offset order. */
    static Map<Integer, List<ArchivedRecord>> archived(ObjectStore store, String cluster, String topic) {
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        NavigableSet<String> runs = catalog.committedRunIds(cluster);
        Map<Integer, List<ArchivedRecord>> out = new HashMap<>();
        for (int p : catalog.partitions(cluster, topic)) {
            PartitionHistory h = catalog.history(cluster, topic, p, runs, null);
            List<ArchivedRecord> records = new ArrayList<>();
            catalog.forEachRecord(h, records::add);
            out.put(p, records);
        }
        return out;
    }

    /**
     * For a compacted topic: every record Kafka still has is in the archive, identical, and the archive's extra
     * records are ones compaction removed since (older offsets, never newer than Kafka's last).
     */
    static void assertArchiveContains(Map<Integer, List<ConsumerRecord<byte[], byte[]>>> kafka,
                                      Map<Integer, List<ArchivedRecord>> archive, String topic) {
        for (int p : kafka.keySet()) {
            List<ArchivedRecord> expected = kafka.get(p).stream().map(RecordConversions::toArchived).toList();
            assertThat(archive.get(p)).as("%s-%d", topic, p).containsSubsequence(expected);
            if (!expected.isEmpty()) {
                assertThat(archive.get(p).get(archive.get(p).size() - 1)).isEqualTo(expected.get(expected.size() - 1));
            }
        }
    }

    /** Asserts the archive holds exactly what a read_committed consumer saw, field by field, for every partition. */
    static void assertArchiveEquals(Map<Integer, List<ConsumerRecord<byte[], byte[]>>> kafka,
                                    Map<Integer, List<ArchivedRecord>> archive, String topic) {
        assertThat(archive.keySet()).as("partitions of %s", topic).containsExactlyInAnyOrderElementsOf(
                kafka.keySet());
        for (int p : kafka.keySet()) {
            List<ArchivedRecord> expected = kafka.get(p).stream().map(RecordConversions::toArchived).toList();
            assertThat(archive.get(p)).as("%s-%d", topic, p).containsExactlyElementsOf(expected);
        }
    }
}

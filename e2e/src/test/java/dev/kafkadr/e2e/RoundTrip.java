package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.kafka.RecordConversions;
import dev.kafkadr.restore.cli.KdrCommand;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the end-to-end tests share: the two command lines, reading archives and comparing restored partitions. */
final class RoundTrip {

    static final CommandContext AGENT = new CommandContext(() -> Cli.commandLine(new AgentCommand()));
    static final CommandContext KDR = new CommandContext(() -> Cli.commandLine(new KdrCommand()));

    private RoundTrip() {
    }

    /** Every archived record of a topic as of the newest run, per partition. */
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
     * Asserts a restored partition holds the expected records in order with the same key, value, headers and
     * timestamp (offsets are new; LogAppendTime becomes CreateTime by design).
     */
    static void assertRestored(List<ConsumerRecord<byte[], byte[]>> restored, List<ArchivedRecord> expected,
                               String what) {
        assertThat(restored).as("%s: record count", what).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ArchivedRecord e = expected.get(i);
            ArchivedRecord r = RecordConversions.toArchived(restored.get(i));
            TimestampType type = e.timestampType() == TimestampType.LOG_APPEND_TIME ? TimestampType.CREATE_TIME
                    : e.timestampType();
            ArchivedRecord want = new ArchivedRecord(r.offset(), e.timestamp(), type, e.key(), e.value(),
                    e.headers());
            assertThat(r).as("%s: record %d (archived offset %d)", what, i, e.offset()).isEqualTo(want);
        }
    }

    static void deleteTopics(KafkaTestCluster kafka, List<String> topics) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.deleteTopics(topics).all().get();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("topics " + topics + " not deleted in 30 s");
                }
                Thread.sleep(100);
            }
        }
    }

    /** The rule: the new offset of the first restored record whose original offset is >= committed, else the end. */
    static long translate(List<ArchivedRecord> restoredInOrder, long committed) {
        for (int i = 0; i < restoredInOrder.size(); i++) {
            if (restoredInOrder.get(i).offset() >= committed) {
                return i;
            }
        }
        return restoredInOrder.size();
    }
}

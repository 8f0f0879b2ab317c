package dev.kafkadr.restore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * Assertions on a restored target, read back with a real consumer: every record compared field by field with the
 * archived record it must equal (key, value, headers with null vs empty, timestamp), in order, at consecutive
 * offsets. Stateless.
 */
public final class TargetAssert {

    private TargetAssert() {
    }

    /** The target partition holds exactly {@code expected}, in order, from offset {@code firstOffset}. */
    public static void sameRecords(String what, List<ConsumerRecord<byte[], byte[]>> actual,
                                   List<ArchivedRecord> expected, long firstOffset) {
        assertThat(actual).as(what + ": record count").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ConsumerRecord<byte[], byte[]> a = actual.get(i);
            ArchivedRecord e = expected.get(i);
            String at = what + " record " + i + " (archived offset " + e.offset() + ")";
            assertThat(a.offset()).as(at + ": offset").isEqualTo(firstOffset + i);
            assertThat(a.key()).as(at + ": key").isEqualTo(e.key());
            assertThat(a.value()).as(at + ": value").isEqualTo(e.value());
            assertThat(a.timestamp()).as(at + ": timestamp").isEqualTo(e.timestamp());
            assertThat(a.timestampType()).as(at + ": timestamp type").isEqualTo(TimestampType.CREATE_TIME);
            assertThat(headers(a)).as(at + ": headers").containsExactlyElementsOf(e.headers());
        }
    }

    /** Every partition of {@code topic} on {@code kafka} holds {@code expected.get(p)}. */
    public static void topicHolds(KafkaTestCluster kafka, String topic, Map<Integer, List<ArchivedRecord>> expected) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> all = kafka.readAll(topic, "read_committed");
        assertThat(all.keySet()).as(topic + " partitions").containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((p, recs) -> sameRecords(topic + "-" + p, all.get(p), recs, 0));
    }

    private static List<ArchivedHeader> headers(ConsumerRecord<byte[], byte[]> r) {
        List<ArchivedHeader> out = new ArrayList<>();
        for (Header h : r.headers()) {
            out.add(new ArchivedHeader(h.key(), h.value()));
        }
        return out;
    }

    public static Map<String, String> configs(Admin admin, String topic) throws ExecutionException,
            InterruptedException {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
        Map<String, String> out = new java.util.TreeMap<>();
        c.entries().forEach(e -> out.put(e.name(), e.value()));
        return out;
    }

    public static TopicDescription describe(Admin admin, String topic) throws ExecutionException,
            InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    public static Set<String> topics(Admin admin) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }
}

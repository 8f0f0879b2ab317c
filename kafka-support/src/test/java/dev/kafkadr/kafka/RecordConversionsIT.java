package dev.kafkadr.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordConversionsIT {

    static KafkaTestCluster kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void a_record_written_from_its_archived_form_reads_back_identically_through_a_real_broker() throws Exception {
        kafka.createTopic("conv", 2);
        ArchivedRecord a = new ArchivedRecord(0, 1_700_000_000_123L, TimestampType.CREATE_TIME, null, new byte[0],
                List.of(new ArchivedHeader("h", null), new ArchivedHeader("h", new byte[0]),
                        new ArchivedHeader("x", new byte[] {9})));
        KafkaClientConfig cfg = KafkaClientConfig.of(kafka.bootstrapServers(), Map.of(), "test");
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(cfg.producer("conv-test", Map.of()))) {
            p.send(RecordConversions.toProducerRecord("conv", 1, a)).get();
        }
        ConsumerRecord<byte[], byte[]> back = kafka.readAll("conv", "read_committed").get(1).get(0);
        assertThat(RecordConversions.toArchived(back)).isEqualTo(a);
    }

    @Test
    void an_unreachable_cluster_becomes_a_one_line_unavailable_failure() {
        KafkaClientConfig cfg = KafkaClientConfig.of("127.0.0.1:1", Map.of("default.api.timeout.ms", "2000",
                "request.timeout.ms", "1000"), "test");
        assertThatThrownBy(() -> {
            try (Admin admin = Admin.create(cfg.admin("t"))) {
                admin.listTopics().names().get();
            } catch (Exception e) {
                throw KafkaErrors.translate(e, "list topics", cfg.bootstrap());
            }
        }).isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("Kafka at 127.0.0.1:1 did not answer while trying to list topics")
                .satisfies(e -> assertThat(((KdrException) e).kind()).isEqualTo(FailureKind.UNAVAILABLE));
    }
}

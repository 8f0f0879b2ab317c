package dev.kafkadr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordConversionsTest {

    @Test
    void nulls_header_order_and_timestamp_type_survive_both_ways() {
        RecordHeaders hs = new RecordHeaders();
        hs.add(new RecordHeader("a", null));
        hs.add(new RecordHeader("a", new byte[0]));
        hs.add(new RecordHeader("b", new byte[] {1}));
        ConsumerRecord<byte[], byte[]> in = new ConsumerRecord<>("t", 3, 42L, 1234L,
                org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, -1, -1, null, new byte[0], hs,
                Optional.empty());
        ArchivedRecord a = RecordConversions.toArchived(in);
        assertThat(a.offset()).isEqualTo(42);
        assertThat(a.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(a.key()).isNull();
        assertThat(a.value()).isEmpty();
        assertThat(a.headers()).containsExactly(new ArchivedHeader("a", null), new ArchivedHeader("a", new byte[0]),
                new ArchivedHeader("b", new byte[] {1}));

        ProducerRecord<byte[], byte[]> out = RecordConversions.toProducerRecord("t2", 3, a);
        assertThat(out.partition()).isEqualTo(3);
        assertThat(out.timestamp()).isEqualTo(1234L);
        assertThat(out.key()).isNull();
        assertThat(out.headers().toArray()).hasSize(3);
        assertThat(out.headers().toArray()[0].value()).isNull();
        assertThat(out.headers().toArray()[1].value()).isEmpty();
    }

    @Test
    void a_record_without_timestamp_lets_the_broker_assign_one() {
        ArchivedRecord a = new ArchivedRecord(1, -1, TimestampType.NONE, null, null, List.of());
        assertThat(RecordConversions.toProducerRecord("t", 0, a).timestamp()).isNull();
    }
}

package dev.kafkadr.kafka;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Converts between Kafka client records and archived records without losing nulls, header order or timestamps. Stateless. */
public final class RecordConversions {

    private RecordConversions() {
    }

    public static ArchivedRecord toArchived(ConsumerRecord<byte[], byte[]> r) {
        // hot path (once per backed-up record): no list for the usual record without headers, and an immutable
        // list that ArchivedRecord keeps without copying it again
        Header[] in = r.headers().toArray();
        List<ArchivedHeader> headers;
        if (in.length == 0) {
            headers = List.of();
        } else {
            ArchivedHeader[] out = new ArchivedHeader[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = new ArchivedHeader(in[i].key(), in[i].value());
            }
            headers = List.of(out);
        }
        return new ArchivedRecord(r.offset(), r.timestamp(), toArchived(r.timestampType()), r.key(), r.value(),
                headers);
    }

    public static TimestampType toArchived(org.apache.kafka.common.record.TimestampType t) {
        return switch (t) {
            case CREATE_TIME -> TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
            default -> TimestampType.NONE;
        };
    }

    /**
     * A producer record for the same partition with the same key, value, headers (order, duplicates and null values
     * kept) and timestamp. A record archived without a timestamp (-1) gets none, so the broker assigns one.
     */
    public static ProducerRecord<byte[], byte[]> toProducerRecord(String topic, int partition, ArchivedRecord r) {
        RecordHeaders headers = new RecordHeaders();
        for (ArchivedHeader h : r.headers()) {
            headers.add(new RecordHeader(h.key(), h.value()));
        }
        Long timestamp = r.timestamp() >= 0 ? r.timestamp() : null;
        return new ProducerRecord<>(topic, partition, timestamp, r.key(), r.value(), headers);
    }
}

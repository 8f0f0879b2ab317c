package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.KafkaErrors;
import dev.kafkadr.kafka.RecordConversions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads single records of the target cluster at given offsets with one assigned (group-less, never committing)
 * consumer, created on first use. Thread-safe (calls are serialized).
 */
final class TargetRecordReader implements AutoCloseable {

    private final KafkaClientConfig config;
    private KafkaConsumer<byte[], byte[]> consumer;

    TargetRecordReader(KafkaClientConfig config) {
        this.config = config;
    }

    /** The first record of the partition at or after {@code offset} and before {@code end}, or empty. */
    synchronized Optional<ArchivedRecord> firstRecordFrom(String topic, int partition, long offset, long end) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try {
            KafkaConsumer<byte[], byte[]> c = consumer();
            c.assign(List.of(tp));
            c.seek(tp, offset);
            Instant deadline = Instant.now().plus(TargetCluster.READ_TIMEOUT);
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200)).records(tp)) {
                    if (r.offset() >= offset && r.offset() < end) {
                        return Optional.of(RecordConversions.toArchived(r));
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("no record of " + tp + " at offset " + offset + " within "
                            + TargetCluster.READ_TIMEOUT.toSeconds() + " s");
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            throw KafkaErrors.translate(e, "read " + tp + " at offset " + offset, config.bootstrap());
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(config.consumer("kdr-restore-check", Map.of("max.poll.records", "10")));
        }
        return consumer;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}

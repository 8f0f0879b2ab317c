package dev.kafkadr.restore.drill;

import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.kafka.RecordConversions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a target partition from its start to its end and digests its content. Not thread-safe. */
final class TargetDigester implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    TargetDigester(KafkaClientConfig config) {
        this.consumer = new KafkaConsumer<>(config.consumer("kdr-drill-check",
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)));
    }

    ContentDigest digest(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        consumer.seek(tp, begin);
        ContentDigest d = new ContentDigest();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (consumer.position(tp) < end) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + tp + " to its end offset " + end);
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                if (r.offset() < end) {
                    d.add(RecordConversions.toArchived(r));
                }
            }
        }
        return d;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.restore.testing.MemorySegments;
import dev.kafkadr.restore.testing.TestArchive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The write loop's ordering rules, with Kafka's MockProducer standing in for the broker. */
class PartitionWriterTest {

    private final List<ArchivedRecord> records = new ArrayList<>();
    private final MemorySegments segments;
    private final TopicAction.PartitionAction action;
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final AtomicReference<KdrException> failure = new AtomicReference<>();

    PartitionWriterTest() {
        for (long o = 0; o < 20; o++) {
            records.add(TestArchive.record(o * 3, 1000 + o, "k" + o, "v" + o));
        }
        segments = MemorySegments.of(records, 6);
        PartitionSource source = new PartitionSource("src", 2, segments.refs(), 0, 60, null, 0, List.of());
        action = new TopicAction.PartitionAction(source, 20, 7, 0, 7);
    }

    private Thread start(ProgressTracker progress) {
        Thread t = new Thread(new PartitionWriter(action, "dst", segments, producer, Throttle.of(0), progress,
                failure, "b:9092"));
        t.start();
        return t;
    }

    @Test
    void records_after_those_already_present_go_to_the_same_partition_in_order_the_first_acknowledged_alone()
            throws Exception {
        try (ProgressTracker progress = new ProgressTracker(RestoreListener.NONE, 13, 1, Duration.ofSeconds(1))) {
            Thread writer = start(progress);
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
            Thread.sleep(200);
            assertThat(producer.history()).as("nothing else is sent before the first record is acknowledged")
                    .hasSize(1);
            producer.completeNext();
            writer.join(5000);
            while (producer.completeNext()) {
                // acknowledge the rest
            }
            assertThat(failure.get()).isNull();
            List<ProducerRecord<byte[], byte[]>> sent = producer.history();
            assertThat(sent).hasSize(13).allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo("dst");
                assertThat(r.partition()).isEqualTo(2);
            });
            for (int i = 0; i < 13; i++) {
                assertThat(sent.get(i).key()).isEqualTo(records.get(7 + i).key());
                assertThat(sent.get(i).timestamp()).isEqualTo(records.get(7 + i).timestamp());
            }
            assertThat(progress.records()).isEqualTo(13);
        }
    }

    @Test
    void a_failed_send_stops_the_partition_and_is_reported() throws Exception {
        try (ProgressTracker progress = new ProgressTracker(RestoreListener.NONE, 13, 1, Duration.ofSeconds(1))) {
            Thread writer = start(progress);
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
            producer.errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
            writer.join(5000);
            assertThat(writer.isAlive()).isFalse();
            assertThat(producer.history()).as("no record after the failed one").hasSize(1);
            assertThat(failure.get()).hasMessageContaining("write dst-2 (archived offset 21)")
                    .hasMessageContaining("too large");
        }
    }
}

package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.kafka.KafkaErrors;
import dev.kafkadr.kafka.RecordConversions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes one partition's restore stream, after the records the target already holds, to the same partition number
 * of the target topic, strictly in order, through the shared idempotent producer. Stops at the first failure of any
 * partition (the shared {@code failure}); never skips a record.
 *
 * <p>The first record is acknowledged before the rest are sent: a broker that has no state yet for this producer on
 * the partition accepts whatever sequence number arrives first, so if the first batch failed retriably (a partition
 * leader not ready yet right after topic creation) while a later in-flight batch succeeded, the retried first batch
 * would be rejected forever and the partition would have a hole. Once the broker knows the producer, the idempotent
 * producer's ordering guarantee holds. One instance per partition; not thread-safe.
 */
final class PartitionWriter implements Runnable {

    private final TopicAction.PartitionAction action;
    private final String target;
    private final SegmentSource segments;
    private final Producer<byte[], byte[]> producer;
    private final Throttle throttle;
    private final ProgressTracker progress;
    private final AtomicReference<KdrException> failure;
    private final String bootstrap;

    PartitionWriter(TopicAction.PartitionAction action, String target, SegmentSource segments,
                    Producer<byte[], byte[]> producer, Throttle throttle, ProgressTracker progress,
                    AtomicReference<KdrException> failure, String bootstrap) {
        this.action = action;
        this.target = target;
        this.segments = segments;
        this.producer = producer;
        this.throttle = throttle;
        this.progress = progress;
        this.failure = failure;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run() {
        int partition = action.partition();
        try (RestoreStream stream = RestoreStream.open(action.source(), segments)) {
            stream.skip(action.present());
            boolean first = true;
            while (stream.hasNext() && failure.get() == null) {
                ArchivedRecord r = stream.next();
                int bytes = r.payloadBytes();
                throttle.acquire(bytes);
                long archivedOffset = r.offset();
                Future<RecordMetadata> sent = producer.send(RecordConversions.toProducerRecord(target, partition, r),
                        (md, e) -> {
                            if (e != null) {
                                fail(KafkaErrors.translate(e, "write " + target + "-" + partition
                                        + " (archived offset " + archivedOffset + ")", bootstrap));
                            } else {
                                progress.acked(bytes);
                            }
                        });
                if (first) {
                    first = false;
                    awaitFirst(sent);
                }
            }
            progress.partitionDone();
        } catch (KdrException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(KafkaErrors.translate(e, "write " + target + "-" + partition, bootstrap));
        }
    }

    private void awaitFirst(Future<RecordMetadata> sent) {
        try {
            sent.get();
        } catch (ExecutionException alreadyReported) {
            // the callback recorded the failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(KafkaErrors.translate(e, "write " + target + "-" + action.partition(), bootstrap));
        }
    }

    private void fail(KdrException e) {
        failure.compareAndSet(null, e);
    }
}

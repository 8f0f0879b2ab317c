package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.kafka.RecordConversions;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the continuous consumer: appends each fetched record to its partition's in-flight data, moves every
 * owned partition to the consumer's position (which also passes transaction markers and aborted records), and turns
 * an offset that retention deleted under the reader into a recorded gap. Not thread-safe (poll thread).
 */
final class RecordRouter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);

    private final String cluster;
    private final BackupListener listener;
    private final Duration pollTimeout;

    RecordRouter(String cluster, BackupListener listener, Duration pollTimeout) {
        this.cluster = cluster;
        this.listener = listener;
        this.pollTimeout = pollTimeout;
    }

    void pollOnce(Consumer<byte[], byte[]> c, Map<TopicPartition, OpenPartition> owned) {
        ConsumerRecords<byte[], byte[]> batch;
        try {
            batch = c.poll(pollTimeout);
        } catch (OffsetOutOfRangeException e) {
            retentionGap(c, owned, e.partitions());
            return;
        }
        for (TopicPartition tp : batch.partitions()) {
            OpenPartition p = owned.get(tp);
            if (p == null) {
                continue;
            }
            long records = 0;
            long bytes = 0;
            for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                p.append(RecordConversions.toArchived(r));
                records++;
                bytes += Math.max(r.serializedKeySize(), 0) + Math.max(r.serializedValueSize(), 0);
            }
            listener.archived(cluster, tp.topic(), records, bytes);
        }
        for (Map.Entry<TopicPartition, OpenPartition> e : owned.entrySet()) {
            e.getValue().advanceTo(c.position(e.getKey()));
        }
    }

    private void retentionGap(Consumer<byte[], byte[]> c, Map<TopicPartition, OpenPartition> owned,
                              Collection<TopicPartition> tps) {
        Map<TopicPartition, Long> starts = c.beginningOffsets(tps);
        for (TopicPartition tp : tps) {
            OpenPartition p = owned.get(tp);
            if (p == null) {
                continue;
            }
            long from = p.position();
            p.lostTo(starts.get(tp));
            LOG.warn("{}: retention gap while reading: offsets {} to {} were deleted before they could be read", tp,
                    from, starts.get(tp) - 1);
            listener.gap(cluster, tp.topic(), tp.partition(), new OffsetGap(from, starts.get(tp),
                    OffsetGap.RETENTION));
            c.seek(tp, p.position());
        }
    }
}

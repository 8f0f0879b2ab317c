package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.kafka.RecordConversions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up one partition for one run: reads {@code [from, cut)} with the worker's read_committed consumer (whose
 * fetch pipelining overlaps broker reads with encoding), streams the records into segments rolled at the size limit, and
 * creates the partition's commit record. A log start that moves past the position while reading becomes a recorded
 * gap. Not thread-safe; one instance per partition and run.
 */
final class PartitionBackup {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionBackup.class);

    /** How segments are written. */
    record SegmentSettings(Codec codec, int level, int blockBytes, long maxBytes) {
    }

    /** Receives progress as records are archived. */
    interface Progress {
        void archived(String topic, int partition, long records, long bytes);
    }

    private final PartitionPlan plan;
    private final RunWriter run;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SegmentSettings settings;
    private final Duration idleTimeout;
    private final BooleanSupplier cancelled;
    private final Progress progress;
    private final Clock clock;

    PartitionBackup(PartitionPlan plan, RunWriter run, KafkaConsumer<byte[], byte[]> consumer, SegmentSettings settings,
                    Duration idleTimeout, BooleanSupplier cancelled, Progress progress, Clock clock) {
        this.plan = plan;
        this.run = run;
        this.consumer = consumer;
        this.settings = settings;
        this.idleTimeout = idleTimeout;
        this.cancelled = cancelled;
        this.progress = progress;
        this.clock = clock;
    }

    /** Reads, writes segments and commits the partition; returns its commit record. */
    PartitionCommit execute() {
        String topic = plan.start().topic();
        int partition = plan.start().partition();
        List<SegmentRef> segments = new ArrayList<>();
        List<OffsetGap> gaps = new ArrayList<>(plan.gaps());
        if (plan.from() < plan.to()) {
            readInto(topic, partition, segments, gaps);
        }
        return run.commitPartition(plan.start(), plan.topicId(), plan.newChain(), plan.from(), plan.to(),
                plan.logStartOffset(), gaps, segments);
    }

    private void readInto(String topic, int partition, List<SegmentRef> segments, List<OffsetGap> gaps) {
        TopicPartition tp = new TopicPartition(topic, partition);
        SegmentOutput out = null;
        try {
            consumer.assign(List.of(tp));
            consumer.seek(tp, plan.from());
            long position = plan.from();
            Instant lastProgress = clock.instant();
            while (position < plan.to()) {
                if (cancelled.getAsBoolean()) {
                    throw new BackupCancelledException(run.runId());
                }
                ConsumerRecords<byte[], byte[]> batch;
                try {
                    batch = consumer.poll(Duration.ofMillis(500));
                } catch (OffsetOutOfRangeException e) {
                    position = recordLostRange(consumer, tp, position, gaps);
                    continue;
                }
                long batchRecords = 0;
                long batchBytes = 0;
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                    if (r.offset() >= plan.to()) {
                        break;
                    }
                    if (out == null) {
                        out = run.openSegment(topic, partition, r.offset(), settings.codec(), settings.level(),
                                settings.blockBytes());
                    }
                    out.append(RecordConversions.toArchived(r));
                    batchRecords++;
                    batchBytes += (r.serializedKeySize() > 0 ? r.serializedKeySize() : 0)
                            + (r.serializedValueSize() > 0 ? r.serializedValueSize() : 0);
                    if (out.estimatedBytes() >= settings.maxBytes()) {
                        segments.add(out.finish());
                        out = null;
                    }
                }
                if (batchRecords > 0) {
                    progress.archived(topic, partition, batchRecords, batchBytes);
                }
                long now = consumer.position(tp);
                if (now > position) {
                    position = now;
                    lastProgress = clock.instant();
                } else if (Duration.between(lastProgress, clock.instant()).compareTo(idleTimeout) > 0) {
                    throw new PartitionStalledException(topic, partition, position, plan.to(),
                            idleTimeout.toMillis());
                }
            }
            if (out != null) {
                segments.add(out.finish());
                out = null;
            }
        } finally {
            consumer.assign(List.of());
            if (out != null) {
                out.abort();
            }
        }
    }

    /** The log start moved past our position while reading: record the lost offsets and continue after them. */
    private long recordLostRange(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long position,
                                 List<OffsetGap> gaps) {
        long logStart = consumer.beginningOffsets(List.of(tp)).get(tp);
        long resume = Math.min(Math.max(logStart, position), plan.to());
        if (resume > position) {
            OffsetGap gap = new OffsetGap(position, resume, OffsetGap.RETENTION);
            gaps.add(gap);
            LOG.warn("{}: retention gap while reading: offsets {} to {} ({} offsets) were deleted before they could "
                    + "be read", tp, gap.from(), gap.to() - 1, gap.size());
        }
        consumer.seek(tp, resume);
        return resume;
    }
}

package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.kafka.KafkaErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Restores archived topics into a Kafka cluster (docs/restore.md): decides every target topic first (nothing is
 * written if any is refused), creates the missing ones, then writes each partition's restore stream after what the
 * target already holds, partitions in parallel but each strictly in order, through one idempotent acks=all producer;
 * flushes, checks every send result, and finally checks each target partition holds exactly the records expected.
 * Not thread-safe; one restore at a time.
 */
public final class TopicRestorer {

    private final TargetCluster target;
    private final SegmentSource segments;
    private final RestoreListener listener;
    private final Clock clock;

    public TopicRestorer(TargetCluster target, SegmentSource segments, RestoreListener listener, Clock clock) {
        this.target = target;
        this.segments = segments;
        this.listener = listener;
        this.clock = clock;
    }

    public RestoreResult restore(RestorePlan plan, RestoreOptions opts) {
        List<TopicAction> actions = new RestoreDecider(target, segments, clock).decide(plan, opts);
        listener.onPlanned(plan, actions);
        actions.forEach(a -> a.warnings().forEach(listener::onWarning));
        plan.topics().forEach(t -> t.partitions().forEach(p -> p.gapWarnings().forEach(listener::onWarning)));
        long present = actions.stream().mapToLong(TopicAction::recordsPresent).sum();
        if (opts.dryRun()) {
            return new RestoreResult(plan, actions, true, 0, 0, present, Duration.ZERO);
        }
        preflight(actions);
        target.createTopics(actions.stream().filter(a -> a.kind() == TopicAction.Kind.CREATE)
                .map(TopicAction::spec).toList());
        long startNanos = System.nanoTime();
        long[] written = write(actions, opts);
        checkTargets(actions);
        return new RestoreResult(plan, actions, false, written[0], written[1], present,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Every segment a partition will read is there with its recorded size, before any topic is created. */
    private void preflight(List<TopicAction> actions) {
        for (TopicAction a : actions) {
            for (TopicAction.PartitionAction p : a.partitions()) {
                if (p.toWrite() > 0) {
                    p.source().relevantSegments().forEach(segments::preflight);
                }
            }
        }
    }

    private long[] write(List<TopicAction> actions, RestoreOptions opts) {
        long total = actions.stream().mapToLong(TopicAction::recordsToWrite).sum();
        long partitions = actions.stream().mapToLong(a -> a.partitions().size()).sum();
        AtomicReference<KdrException> failure = new AtomicReference<>();
        Throttle throttle = Throttle.of(opts.maxBytesPerSecond());
        ProgressTracker progress = new ProgressTracker(listener, total, partitions, opts.progressInterval());
        try (progress; KafkaProducer<byte[], byte[]> producer = target.newProducer(producerDefaults(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, opts.compression()))) {
            List<Runnable> tasks = new ArrayList<>();
            for (TopicAction a : actions) {
                for (TopicAction.PartitionAction p : a.partitions()) {
                    if (p.toWrite() > 0) {
                        tasks.add(new PartitionWriter(p, a.target(), segments, producer, throttle, progress, failure,
                                target.bootstrap()));
                    } else {
                        progress.partitionDone();
                    }
                }
            }
            runAll(tasks, opts.parallelism(), failure);
            try {
                producer.flush();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, KafkaErrors.translate(e, "flush the restore producer",
                        target.bootstrap()));
            }
        }
        if (failure.get() != null && progress.records() > 0) {
            listener.onWarning("the restore stopped after " + progress.records() + " of " + total
                    + " records; run the same command again to resume");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new long[] {progress.records(), progress.bytes()};
    }

    private void runAll(List<Runnable> tasks, int parallelism, AtomicReference<KdrException> failure) {
        if (tasks.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()), r -> {
            Thread t = new Thread(r, "kdr-restore-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, KafkaErrors.translate(e, "restore", target.bootstrap()));
        } catch (ExecutionException e) {
            failure.compareAndSet(null, KafkaErrors.translate(e.getCause(), "restore", target.bootstrap()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> producerDefaults() {
        Map<String, Object> m = new HashMap<>();
        m.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        m.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        m.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "10485760");
        // 32 MiB, not 64: the producer keeps a callback and a future per buffered record, so with small records a
        // 64 MiB buffer filled -Xmx256m with bookkeeping (100 B records: 55 full GCs, 2.5x slower; docs/benchmarks.md)
        m.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "33554432");
        m.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        return m;
    }

    /** Each written partition must hold exactly what was there plus what was written. */
    private void checkTargets(List<TopicAction> actions) {
        Map<TopicPartition, TopicAction.PartitionAction> expected = new HashMap<>();
        Map<TopicPartition, TopicAction.Kind> kinds = new HashMap<>();
        for (TopicAction a : actions) {
            for (TopicAction.PartitionAction p : a.partitions()) {
                TopicPartition tp = new TopicPartition(a.target(), p.partition());
                expected.put(tp, p);
                kinds.put(tp, a.kind());
            }
        }
        Map<TopicPartition, TargetTopic.OffsetRange> now = target.offsets(expected.keySet());
        List<String> problems = new ArrayList<>();
        expected.forEach((tp, p) -> {
            TargetTopic.OffsetRange r = now.get(tp);
            long held = kinds.get(tp) == TopicAction.Kind.APPEND ? r.end() - p.targetEnd() : r.size();
            long want = kinds.get(tp) == TopicAction.Kind.APPEND ? p.toWrite() : p.records();
            if (held != want) {
                problems.add(tp + " holds " + held + " restored records where " + want + " were expected"
                        + (held < want ? " (retention on the target may have deleted old records: check retention.ms)"
                        : " (another producer wrote to it during the restore)"));
            }
        });
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new RestoreConflictException("after the restore " + String.join("; ", problems),
                    "compare the target with 'kdr backups describe' before using it");
        }
    }
}

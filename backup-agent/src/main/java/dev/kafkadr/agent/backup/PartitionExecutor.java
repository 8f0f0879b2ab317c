package dev.kafkadr.agent.backup;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.kafka.KafkaClientConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Runs the partition backups of one run on {@code backup.parallelism} worker threads; each worker owns one consumer
 * and takes partitions from a shared queue, largest first. The first failure cancels the rest and is rethrown (not
 * the cancellation the other workers see).
 * Not thread-safe; one instance per run.
 */
final class PartitionExecutor {

    private final AgentConfig config;
    private final KafkaClientConfig kafka;
    private final RunWriter run;
    private final BackupListener listener;
    private final AtomicBoolean cancelled;
    private final Clock clock;
    /** The first failure of a worker that was not itself a reaction to the run being cancelled. */
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    PartitionExecutor(AgentConfig config, KafkaClientConfig kafka, RunWriter run, BackupListener listener,
                      AtomicBoolean cancelled, Clock clock) {
        this.config = config;
        this.kafka = kafka;
        this.run = run;
        this.listener = listener;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    List<PartitionCommit> backUp(List<PartitionPlan> plans) throws InterruptedException, ExecutionException {
        String cluster = config.clusterName();
        AtomicInteger pending = new AtomicInteger(plans.size());
        listener.partitionsPending(cluster, pending.get());
        if (plans.isEmpty()) {
            return List.of();
        }
        List<PartitionPlan> ordered = new ArrayList<>(plans);
        ordered.sort((a, b) -> Long.compare(b.to() - b.from(), a.to() - a.from()));
        Queue<PartitionPlan> queue = new ConcurrentLinkedQueue<>(ordered);
        List<PartitionCommit> commits = Collections.synchronizedList(new ArrayList<>());
        int workers = Math.min(config.parallelism(), plans.size());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "kdr-backup-" + cluster + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    work(worker, queue, commits, pending);
                    return null;
                }));
            }
            ExecutionException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    cancelled.set(true);
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                // the failure that cancelled the run, not another worker's BackupCancelledException
                throw failure.get() == null ? first : new ExecutionException(failure.get());
            }
            return new ArrayList<>(commits);
        } finally {
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }

    private void work(int worker, Queue<PartitionPlan> queue, List<PartitionCommit> commits, AtomicInteger pending) {
        String cluster = config.clusterName();
        PartitionBackup.SegmentSettings settings = new PartitionBackup.SegmentSettings(config.compression(),
                config.compressionLevel(), config.blockBytes(), config.segmentMaxBytes());
        Map<String, Object> props = kafka.consumer("kdr-agent-" + cluster + "-" + worker, Map.of(
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, config.fetchMaxBytes(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.fetchMaxBytes(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1 << 20));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            PartitionPlan plan;
            while (!cancelled.get() && (plan = queue.poll()) != null) {
                PartitionBackup backup = new PartitionBackup(plan, run, consumer, settings, config.idleTimeout(),
                        cancelled::get, (t, part, recs, bytes) -> listener.archived(cluster, t, recs, bytes), clock);
                commits.add(backup.execute());
                listener.partitionsPending(cluster, pending.decrementAndGet());
            }
        } catch (RuntimeException e) {
            if (!(e instanceof BackupCancelledException)) {
                failure.compareAndSet(null, e);
            }
            cancelled.set(true);
            throw e;
        } finally {
            if (cancelled.get()) {
                queue.clear();
            }
        }
    }

}

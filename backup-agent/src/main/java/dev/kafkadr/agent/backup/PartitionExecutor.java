package dev.kafkadr.agent.backup;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.kafka.KafkaClientConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Runs the partition backups of one run on {@code backup.parallelism} threads, each with its own consumer; the
 * first failure cancels the rest and is rethrown. Not thread-safe; one instance per run.
 */
final class PartitionExecutor {

    private final AgentConfig config;
    private final KafkaClientConfig kafka;
    private final RunWriter run;
    private final BackupListener listener;
    private final AtomicBoolean cancelled;
    private final Clock clock;

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
        PartitionBackup.SegmentSettings settings = new PartitionBackup.SegmentSettings(config.compression(),
                config.compressionLevel(), config.blockBytes(), config.segmentMaxBytes());
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.parallelism(), plans.size()), r -> {
            Thread t = new Thread(r, "kdr-backup-" + run.runId().substring(16) + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<PartitionCommit> done = new ExecutorCompletionService<>(pool);
        List<Future<PartitionCommit>> futures = new ArrayList<>();
        try {
            for (PartitionPlan p : plans) {
                Map<String, Object> consumer = kafka.consumer("kdr-agent-" + cluster + "-" + p.start().topic() + "-"
                        + p.start().partition(), Map.of(
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, config.fetchMaxBytes(),
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.fetchMaxBytes(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                        ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1 << 20));
                PartitionBackup backup = new PartitionBackup(p, run, consumer, settings, config.idleTimeout(),
                        cancelled::get, (t, part, recs, bytes) -> listener.archived(cluster, t, recs, bytes), clock);
                futures.add(done.submit(() -> {
                    PartitionCommit c = backup.execute();
                    listener.partitionsPending(cluster, pending.decrementAndGet());
                    return c;
                }));
            }
            List<PartitionCommit> commits = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                try {
                    commits.add(done.take().get());
                } catch (ExecutionException e) {
                    cancelled.set(true);
                    throw e;
                }
            }
            return commits;
        } finally {
            futures.forEach(f -> f.cancel(false));
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}

package dev.kafkadr.agent.metrics;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.archive.manifest.OffsetGap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's Prometheus metrics, fed by backup-run events: records and bytes per topic, run duration, last success
 * time (the RPO an alert watches), partitions behind the cut, retention gaps, run failures. Thread-safe.
 */
public final class AgentMetrics implements BackupListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Per topic: records and bytes counters, registered once (archived() runs for every fetched batch). */
    private final java.util.concurrent.ConcurrentHashMap<String, Counter[]> archivedCounters =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final String cluster;
    private final AtomicLong lastSuccessSeconds = new AtomicLong();
    private final AtomicLong lastFailureSeconds = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lastRunRecords = new AtomicLong();
    private final AtomicReference<String> lastResult = new AtomicReference<>("none");
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final PartitionGauges partitions;

    public AgentMetrics(String cluster) {
        this.cluster = cluster;
        this.partitions = new PartitionGauges(registry, cluster);
        Gauge.builder("kdr_backup_last_success_timestamp_seconds", lastSuccessSeconds, AtomicLong::get)
                .description("Commit time of the newest successful run (0 = none yet)").tag("cluster", cluster)
                .register(registry);
        Gauge.builder("kdr_backup_last_failure_timestamp_seconds", lastFailureSeconds, AtomicLong::get)
                .description("Time of the newest failed run (0 = none)").tag("cluster", cluster).register(registry);
        Gauge.builder("kdr_backup_partitions_behind_cut", pending, AtomicLong::get)
                .description("Partitions of the current run not yet backed up to the cut").tag("cluster", cluster)
                .register(registry);
        Gauge.builder("kdr_backup_last_run_records", lastRunRecords, AtomicLong::get)
                .description("Records backed up by the newest successful run").tag("cluster", cluster)
                .register(registry);
        runs("success");
        runs("failure");
        Counter.builder("kdr_backup_retention_gaps_total").description("Offset ranges lost to retention")
                .tag("cluster", cluster).register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    private Counter runs(String result) {
        return Counter.builder("kdr_backup_runs_total").description("Backup runs by result")
                .tag("cluster", cluster).tag("result", result).register(registry);
    }

    @Override
    public void partitionsPending(String c, int count) {
        pending.set(count);
    }

    @Override
    public void archived(String c, String topic, long records, long bytes) {
        Counter[] counters = archivedCounters.computeIfAbsent(topic, t -> new Counter[] {
            Counter.builder("kdr_backup_records_total").description("Records backed up").tag("cluster", cluster)
                    .tag("topic", t).register(registry),
            Counter.builder("kdr_backup_bytes_total").description("Key and value bytes backed up")
                    .tag("cluster", cluster).tag("topic", t).register(registry)});
        counters[0].increment(records);
        counters[1].increment(bytes);
    }

    @Override
    public void gap(String c, String topic, int partition, OffsetGap gap) {
        registry.counter("kdr_backup_retention_gaps_total", "cluster", cluster).increment();
        Counter.builder("kdr_backup_retention_gap_offsets_total").description("Offsets lost to retention")
                .tag("cluster", cluster).tag("topic", topic).register(registry).increment(gap.size());
    }

    @Override
    public void runCommitted(RunResult result) {
        runs("success").increment();
        lastSuccessSeconds.set(result.committedAt().getEpochSecond());
        lastRunRecords.set(result.records());
        pending.set(0);
        lastResult.set("success");
        lastError.set("");
        Timer.builder("kdr_backup_run_duration_seconds").description("Duration of successful runs")
                .tag("cluster", cluster).register(registry).record(result.duration());
    }

    @Override
    public void runFailed(String c, String runId, Throwable error, Duration duration) {
        runs("failure").increment();
        lastFailureSeconds.set(Instant.now().getEpochSecond());
        lastResult.set("failure");
        lastError.set(String.valueOf(error.getMessage()));
        pending.set(0);
    }

    @Override
    public void partitionLag(String c, String topic, int partition, long records, double seconds) {
        partitions.lag(topic, partition, records, seconds);
    }

    @Override
    public void partitionCommitted(String c, String topic, int partition, Instant at) {
        partitions.committed(topic, partition, at);
    }

    @Override
    public void partitionReleased(String c, String topic, int partition) {
        partitions.released(topic, partition);
    }

    /**
     * Seeds the last-success gauge from the archive at start-up, so a restarted agent does not report "never"
     * (and trip the RPO alert) until its next run.
     */
    public void lastCommittedRun(Instant committedAt) {
        lastSuccessSeconds.accumulateAndGet(committedAt.getEpochSecond(), Math::max);
    }

    /** "none", "success" or "failure". */
    public String lastResult() {
        return lastResult.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public long lastSuccessEpochSeconds() {
        return lastSuccessSeconds.get();
    }
}

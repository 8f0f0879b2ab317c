package dev.kafkadr.agent.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-partition gauges of continuous mode, registered while this agent owns the partition and removed when it
 * releases it: {@code kdr_backup_partition_lag_records}, {@code kdr_backup_partition_lag_seconds},
 * {@code kdr_backup_partition_last_commit_timestamp_seconds}. Thread-safe.
 */
final class PartitionGauges {

    private final MeterRegistry registry;
    private final String cluster;
    private final Map<String, Holder> byPartition = new ConcurrentHashMap<>();

    /** The values of one partition's gauges and the gauges themselves. */
    private static final class Holder {
        final AtomicLong lagRecords = new AtomicLong();
        final AtomicLong lagMillis = new AtomicLong();
        final AtomicLong lastCommitSeconds = new AtomicLong();
        List<Gauge> gauges = List.of();
    }

    PartitionGauges(MeterRegistry registry, String cluster) {
        this.registry = registry;
        this.cluster = cluster;
    }

    void lag(String topic, int partition, long records, double seconds) {
        Holder h = holder(topic, partition);
        h.lagRecords.set(records);
        h.lagMillis.set((long) (seconds * 1000));
    }

    void committed(String topic, int partition, Instant at) {
        holder(topic, partition).lastCommitSeconds.set(at.getEpochSecond());
    }

    void released(String topic, int partition) {
        Holder h = byPartition.remove(topic + "/" + partition);
        if (h != null) {
            h.gauges.forEach(registry::remove);
        }
    }

    private Holder holder(String topic, int partition) {
        return byPartition.computeIfAbsent(topic + "/" + partition, k -> {
            Holder h = new Holder();
            String p = String.valueOf(partition);
            h.gauges = List.of(
                    Gauge.builder("kdr_backup_partition_lag_records", h.lagRecords, AtomicLong::get)
                            .description("Records of the partition not yet committed to the archive (continuous)")
                            .tags("cluster", cluster, "topic", topic, "partition", p).register(registry),
                    Gauge.builder("kdr_backup_partition_lag_seconds", h.lagMillis, v -> v.get() / 1000.0)
                            .description("Age of the oldest record not yet committed to the archive (continuous)")
                            .tags("cluster", cluster, "topic", topic, "partition", p).register(registry),
                    Gauge.builder("kdr_backup_partition_last_commit_timestamp_seconds", h.lastCommitSeconds,
                                    AtomicLong::get)
                            .description("Commit time of the newest archive commit of the partition (continuous)")
                            .tags("cluster", cluster, "topic", topic, "partition", p).register(registry));
            return h;
        });
    }
}

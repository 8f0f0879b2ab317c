package dev.kafkadr.benchmarks.harness;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kafkadr.benchmarks.harness.PerfOutput.ConsumerPerf;
import dev.kafkadr.benchmarks.harness.PerfOutput.ProducerPerf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one row measured. Missing measurements are null (step not part of the row, or failed: see {@link #errors}).
 * Rates are MiB (2^20 bytes) of record payload per second, the unit Kafka's perf tools call "MB". Not thread-safe.
 */
public final class RowResult {

    /** A JVM (or pipeline) run: wall time incl. JVM start, its own measured duration, memory. */
    public record Run(double wallSeconds, Double runSeconds, long records, double peakRssMib, GcLog.Heap heap) {
        /** The tool's own duration when it printed one (excl. JVM start), else the wall time. */
        public double seconds() {
            return runSeconds != null ? runSeconds : wallSeconds;
        }
    }

    /** {@code kcat -C -e | zstd} into a file. */
    public record Kcat(double wallSeconds, long outputBytes) {
    }

    public final RowSpec spec;
    public Long topicLogBytes;
    public ProducerPerf generate;
    public ConsumerPerf consumerPerf;
    public Kcat kcatZstd;
    public Run backup;
    public Long archiveBytes;
    public ProducerPerf producerPerf;
    public Run restore;
    /**
     * CPU seconds (user + system) per tool: backup, consumerPerf, kcatZstd, producerPerf, restore. Unlike rates,
     * these hardly depend on what else the machine runs.
     */
    public final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
    public double loadStart;
    public double loadEnd;
    public final List<String> errors = new ArrayList<>();

    public RowResult(RowSpec spec) {
        this.spec = spec;
    }

    private double payloadMib() {
        return spec.producedBytes() / Units.MIB;
    }

    @JsonProperty
    public Double backupMibPerSec() {
        return backup == null ? null : payloadMib() / backup.seconds();
    }

    @JsonProperty
    public Double backupRecordsPerSec() {
        return backup == null ? null : spec.records() / backup.seconds();
    }

    /** Incl. JVM start-up: what a cron job or a user sees. */
    @JsonProperty
    public Double backupWallMibPerSec() {
        return backup == null ? null : payloadMib() / backup.wallSeconds();
    }

    @JsonProperty
    public Double consumerPerfMibPerSec() {
        return consumerPerf == null ? null : consumerPerf.mibPerSec();
    }

    /** Agent run vs ConsumerPerformance's own MB.sec (both exclude JVM start, both include joining/assigning). */
    @JsonProperty
    public Double backupVsConsumerPerf() {
        return div(backupMibPerSec(), consumerPerfMibPerSec());
    }

    @JsonProperty
    public Double kcatZstdMibPerSec() {
        return kcatZstd == null ? null : payloadMib() / kcatZstd.wallSeconds();
    }

    /** Agent incl. JVM start vs the kcat|zstd pipeline's wall time (kcat is native: no start-up to discount). */
    @JsonProperty
    public Double backupVsKcatZstd() {
        return div(backupWallMibPerSec(), kcatZstdMibPerSec());
    }

    @JsonProperty
    public Double restoreMibPerSec() {
        return restore == null ? null : payloadMib() / restore.seconds();
    }

    @JsonProperty
    public Double restoreRecordsPerSec() {
        return restore == null ? null : spec.records() / restore.seconds();
    }

    @JsonProperty
    public Double producerPerfMibPerSec() {
        return producerPerf == null ? null : producerPerf.mibPerSec();
    }

    @JsonProperty
    public Double restoreVsProducerPerf() {
        return div(restoreMibPerSec(), producerPerfMibPerSec());
    }

    /** Topic bytes on the broker's disk per archive byte: above 1 the archive is smaller. */
    @JsonProperty
    public Double compressionRatio() {
        return topicLogBytes == null || archiveBytes == null || archiveBytes == 0 ? null
                : (double) topicLogBytes / archiveBytes;
    }

    /** CPU seconds of the backup ÷ those of ConsumerPerformance reading the same data. */
    @JsonProperty
    public Double backupCpuVsConsumerPerf() {
        return div(cpuSeconds.get("backup"), cpuSeconds.get("consumerPerf"));
    }

    /** CPU seconds of the backup ÷ those of kcat and zstd. */
    @JsonProperty
    public Double backupCpuVsKcatZstd() {
        return div(cpuSeconds.get("backup"), cpuSeconds.get("kcatZstd"));
    }

    /** CPU seconds of the restore ÷ those of ProducerPerformance writing the same data. */
    @JsonProperty
    public Double restoreCpuVsProducerPerf() {
        return div(cpuSeconds.get("restore"), cpuSeconds.get("producerPerf"));
    }

    private static Double div(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }
}

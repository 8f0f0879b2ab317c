package dev.kafkadr.benchmarks.harness;

import java.util.EnumSet;
import java.util.Set;

/**
 * One row of a scenario: the data (record size, partitions, payload bytes), how it is backed up (codec, store) and
 * which measurements run on it. Immutable.
 */
public record RowSpec(String label, int recordBytes, int partitions, long payloadBytes, String codec, Store store,
                      Set<Step> steps) {

    /** Where the archive goes. */
    public enum Store { FILE, S3 }

    /** The measurements a row can take, in the order they run. */
    public enum Step {
        /** ConsumerPerformance reading the topic: the ceiling for the backup. */
        CONSUMER_PERF,
        /** {@code kcat -C -e | zstd}: what a user would otherwise script. */
        KCAT_ZSTD,
        /** {@code kdr-agent --once} into a fresh archive. */
        BACKUP,
        /** ProducerPerformance with the restore's producer settings: the ceiling for the restore. */
        PRODUCER_PERF,
        /** {@code kdr restore topics} of that archive under a new name. */
        RESTORE
    }

    public static final Set<Step> ALL = EnumSet.allOf(Step.class);

    public RowSpec {
        if (recordBytes <= 0 || partitions <= 0 || payloadBytes < recordBytes) {
            throw new IllegalArgumentException("row " + label + ": record bytes, partitions and payload must be "
                    + "positive and payload at least one record");
        }
        steps = Set.copyOf(steps);
    }

    public long records() {
        return payloadBytes / recordBytes;
    }

    /** Bytes of record values actually produced (a whole number of records). */
    public long producedBytes() {
        return records() * recordBytes;
    }

    /** Rows with the same data key back up the same topic. */
    public String dataKey() {
        return recordBytes + "b-" + partitions + "p-" + (payloadBytes >> 20) + "m";
    }

    public RowSpec withPayload(long bytes) {
        return new RowSpec(label, recordBytes, partitions, bytes, codec, store, steps);
    }

    public boolean has(Step s) {
        return steps.contains(s);
    }

    /** e.g. "1 KiB x 12 p, 1.00 GiB". */
    public String dataText() {
        return Units.size(recordBytes) + " × " + partitions + " p, " + Units.gib(producedBytes());
    }
}

package dev.kafkadr.restore;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running restore: records and payload bytes acknowledged by the target so far, records in all, time
 * elapsed. Immutable.
 */
public record RestoreProgress(long records, long totalRecords, long bytes, long partitionsDone,
                              long totalPartitions, Duration elapsed) {

    /** Records per second so far. */
    public double recordsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : records / s;
    }

    public double bytesPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : bytes / s;
    }

    /** Estimated time left at the rate so far, if there is a rate. */
    public Optional<Duration> eta() {
        double rate = recordsPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) ((totalRecords - records) / rate * 1000)));
    }

    public double fraction() {
        return totalRecords == 0 ? 1 : (double) records / totalRecords;
    }
}

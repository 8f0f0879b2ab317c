package dev.kafkadr.agent.backup;

import java.time.Duration;
import java.time.Instant;

/** What a committed run backed up: for logs, metrics and the --once exit status. Immutable. */
public record RunResult(String cluster, String runId, String manifestKey, int topics, int partitions,
                        int partitionsChanged, long records, long bytes, int gaps, Instant startedAt,
                        Instant committedAt) {

    public Duration duration() {
        return Duration.between(startedAt, committedAt);
    }

    /** Stored bytes per second over the whole run. */
    public double bytesPerSecond() {
        double seconds = Math.max(duration().toMillis(), 1) / 1000.0;
        return bytes / seconds;
    }

    public String summary() {
        return String.format("run %s committed: %d topics, %d partitions (%d changed), %d records, %s in %.1f s "
                        + "(%s/s), %d retention gaps; manifest %s", runId, topics, partitions, partitionsChanged,
                records, human(bytes), duration().toMillis() / 1000.0, human((long) bytesPerSecond()), gaps,
                manifestKey);
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format("%.1f %s", v, units[u]);
    }
}

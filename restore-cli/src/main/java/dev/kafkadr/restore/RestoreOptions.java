package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import java.time.Duration;

/**
 * How a topic restore writes, beyond what it writes: replication factor override, append, dry run, producer
 * compression, throughput limit, parallelism, progress interval. Immutable.
 *
 * @param replicationFactor  replication factor for created topics, or null for the archived one
 * @param compression        producer compression.type (none, gzip, snappy, lz4, zstd)
 * @param maxBytesPerSecond  payload bytes per second across all partitions, 0 for no limit
 * @param parallelism        partitions written at the same time (each one strictly in order)
 */
public record RestoreOptions(Integer replicationFactor, boolean append, boolean dryRun, String compression,
                             long maxBytesPerSecond, int parallelism, Duration progressInterval) {

    public RestoreOptions {
        if (replicationFactor != null && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
            throw new UsageException("--replication-factor must be at least 1 but was " + replicationFactor);
        }
        if (maxBytesPerSecond < 0) {
            throw new UsageException("--max-bytes-per-second must be positive but was " + maxBytesPerSecond);
        }
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1 but was " + parallelism);
        }
    }

    public static RestoreOptions defaults() {
        return new RestoreOptions(null, false, false, "none", 0, 4, Duration.ofSeconds(1));
    }
}

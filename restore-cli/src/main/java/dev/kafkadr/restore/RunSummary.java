package dev.kafkadr.restore;

import java.time.Instant;
import java.util.List;

/**
 * One committed backup run as {@code kdr backups list} shows it: time, size and any gaps; or the problem that kept
 * its manifest from being read. Immutable.
 *
 * @param problem null when the manifest was read, else why it could not be
 */
public record RunSummary(String cluster, String runId, Instant cutAt, Instant committedAt, int topics,
                         int partitions, long records, long bytes, List<Gap> gaps, String problem) {

    public RunSummary {
        gaps = List.copyOf(gaps);
    }

    /** A range of offsets lost before a backup could read it. Immutable. */
    public record Gap(String topic, int partition, long from, long to, String reason) {
    }
}

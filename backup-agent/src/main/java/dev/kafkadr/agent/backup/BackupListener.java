package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.manifest.OffsetGap;
import java.time.Duration;

/** Receives what a backup run does, for metrics and logs; implementations must be thread-safe. */
public interface BackupListener {

    BackupListener NONE = new BackupListener() { };

    default void runStarted(String cluster, String runId) {
    }

    /** Partitions of the run not yet finished (the "behind the cut" gauge). */
    default void partitionsPending(String cluster, int count) {
    }

    default void archived(String cluster, String topic, long records, long bytes) {
    }

    default void gap(String cluster, String topic, int partition, OffsetGap gap) {
    }

    default void runCommitted(RunResult result) {
    }

    default void runFailed(String cluster, String runId, Throwable error, Duration duration) {
    }

    /** Continuous mode: records not yet committed to the archive and the age of the oldest of them. */
    default void partitionLag(String cluster, String topic, int partition, long records, double seconds) {
    }

    /** Continuous mode: a commit of this partition's data became visible (its run manifest was written). */
    default void partitionCommitted(String cluster, String topic, int partition, java.time.Instant at) {
    }

    /** Continuous mode: this agent no longer owns the partition (its per-partition metrics go away). */
    default void partitionReleased(String cluster, String topic, int partition) {
    }
}

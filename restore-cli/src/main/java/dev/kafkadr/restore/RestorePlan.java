package dev.kafkadr.restore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The archived records a restore writes: which run, which cut, which topics and partitions, each partition's restore
 * stream. Built by {@link RestorePlanner}; touches nothing. Immutable.
 *
 * @param runId          the run the restore is "as of" (the newest committed run unless --run)
 * @param runCutAt       that run's cut time
 * @param toTime         the point-in-time cut, or null
 * @param logStartRunId  with --to-time: the run whose log start offsets were used (earliest run cut at or after
 *                       toTime), or null
 * @param fromEarliest   whether every archived record is restored instead of starting at the log start offset
 * @param partitionFilter the partitions selected with --partitions, or null for all
 */
public record RestorePlan(String cluster, String runId, Instant runCutAt, Instant toTime, String logStartRunId,
                          boolean fromEarliest, SortedSet<Integer> partitionFilter, List<TopicPlan> topics) {

    public RestorePlan {
        topics = List.copyOf(topics);
        partitionFilter = partitionFilter == null ? null : new TreeSet<>(partitionFilter);
    }

    public int partitionCount() {
        return topics.stream().mapToInt(t -> t.partitions().size()).sum();
    }

    public Optional<TopicPlan> topic(String sourceTopic) {
        return topics.stream().filter(t -> t.sourceTopic().equals(sourceTopic)).findFirst();
    }
}

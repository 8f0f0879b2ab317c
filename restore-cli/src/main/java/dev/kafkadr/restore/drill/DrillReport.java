package dev.kafkadr.restore.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a DR drill measured: the run it restored, RPO (age of that run's cut when the drill started), RTO (time to
 * restore topics and offsets), the data volume, the offsets restored and pass/fail per topic. Immutable.
 */
public record DrillReport(String cluster, String runId, Instant runCutAt, Instant drillStartedAt,
                          Instant restoreFinishedAt, long rpoSeconds, double rtoSeconds, long records,
                          long payloadBytes, int groupsRestored, int offsetsRestored, List<TopicCheck> topics,
                          List<String> warnings) {

    public DrillReport {
        topics = List.copyOf(topics);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return !topics.isEmpty() && topics.stream().allMatch(TopicCheck::passed);
    }

    public Duration rpo() {
        return Duration.ofSeconds(rpoSeconds);
    }
}

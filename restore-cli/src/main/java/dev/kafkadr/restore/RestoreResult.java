package dev.kafkadr.restore;

import java.time.Duration;
import java.util.List;

/**
 * What a topic restore did (or, for a dry run, would do): the plan, each topic's action, records and payload bytes
 * written, records skipped because the target already held them, and the time it took. Immutable.
 */
public record RestoreResult(RestorePlan plan, List<TopicAction> actions, boolean dryRun, long recordsWritten,
                            long bytesWritten, long recordsPresent, Duration elapsed) {

    public RestoreResult {
        actions = List.copyOf(actions);
    }

    public long partitions() {
        return actions.stream().mapToLong(a -> a.partitions().size()).sum();
    }

    public long topicsCreated() {
        return actions.stream().filter(a -> a.kind() == TopicAction.Kind.CREATE).count();
    }
}

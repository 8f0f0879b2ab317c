package dev.kafkadr.archive.manifest;

import java.time.Instant;
import java.util.List;

/** Every consumer group's offsets at a run's cut ({@code runs/<run-id>/groups.json}). Immutable. */
public record GroupsSnapshot(String runId, Instant takenAt, List<GroupSnapshot> groups) {

    public GroupsSnapshot {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}

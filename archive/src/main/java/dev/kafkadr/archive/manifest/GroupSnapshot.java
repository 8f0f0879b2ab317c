package dev.kafkadr.archive.manifest;

import java.util.List;

/** A consumer group's state and committed offsets on the backed-up partitions. Immutable. */
public record GroupSnapshot(String group, String state, List<GroupOffset> offsets) {

    public GroupSnapshot {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
    }
}

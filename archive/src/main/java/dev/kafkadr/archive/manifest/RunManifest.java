package dev.kafkadr.archive.manifest;

import java.time.Instant;
import java.util.List;

/**
 * The commit point of a backup run (docs/archive-format.md, section 4): every partition the writer owned with its
 * commit, plus references to the topic-metadata, consumer-group and ACL snapshots. Immutable.
 */
public record RunManifest(String runId, String cluster, String writerId, String agentVersion, Instant startedAt,
                          Instant cutAt, Instant committedAt, List<PartitionEntry> partitions, ObjectRef metadata,
                          ObjectRef groups, ObjectRef acls, RunTotals totals) {

    public RunManifest {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** Every gap recorded by this run, with its partition. */
    public List<PartitionEntry> partitionsWithGaps() {
        return partitions.stream().filter(p -> !p.gaps().isEmpty()).toList();
    }
}

package dev.kafkadr.archive.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The commit point of a backup run (docs/archive-format.md, section 4): every partition the writer owned with its
 * commit, plus references to the topic-metadata, consumer-group and ACL snapshots, and the id of the client-side
 * encryption key the run wrote with (absent, not null, for an unencrypted run). Immutable.
 */
public record RunManifest(String runId, String cluster, String writerId, String agentVersion, Instant startedAt,
                          Instant cutAt, Instant committedAt, List<PartitionEntry> partitions, ObjectRef metadata,
                          ObjectRef groups, ObjectRef acls, RunTotals totals,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String encryptionKeyId) {

    public RunManifest {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /** An unencrypted run's manifest. */
    public RunManifest(String runId, String cluster, String writerId, String agentVersion, Instant startedAt,
                       Instant cutAt, Instant committedAt, List<PartitionEntry> partitions, ObjectRef metadata,
                       ObjectRef groups, ObjectRef acls, RunTotals totals) {
        this(runId, cluster, writerId, agentVersion, startedAt, cutAt, committedAt, partitions, metadata, groups,
                acls, totals, null);
    }

    /** Every gap recorded by this run, with its partition. */
    public List<PartitionEntry> partitionsWithGaps() {
        return partitions.stream().filter(p -> !p.gaps().isEmpty()).toList();
    }
}

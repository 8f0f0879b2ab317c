package dev.kafkadr.archive.manifest;

import java.time.Instant;
import java.util.List;

/**
 * The root of a compacted index of committed state (archive format version 2, docs/archive-format.md, section 8):
 * a summary of every committed run the index was built from and one chain object per topic. Written after the run
 * manifest it is named after; only an accelerator, never a commit point. Immutable.
 *
 * @param runId  the run the index summarizes state as of (every run in {@code runs} is at or below it)
 * @param runs   every committed run with id ≤ {@code runId} that existed when the index was built, oldest first
 * @param chains one object per topic holding its partitions' heads and chains
 */
public record IndexRoot(String cluster, String runId, Instant createdAt, List<IndexedRun> runs,
                        List<ChainRef> chains) {

    public IndexRoot {
        runs = runs == null ? List.of() : List.copyOf(runs);
        chains = chains == null ? List.of() : List.copyOf(chains);
    }

    /** Where a topic's chain object is, with its size and SHA-256 as written. Immutable. */
    public record ChainRef(String topic, String key, String sha256, long bytes, int partitions) {
    }
}

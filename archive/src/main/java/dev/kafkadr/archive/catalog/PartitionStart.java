package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.manifest.PartitionCommit;
import java.util.Optional;

/**
 * Where a run finds a partition before writing it: the committed head (if any) to continue from and the highest
 * commit seq present, committed or not, which the new commit must exceed. Immutable.
 */
public record PartitionStart(String topic, int partition, PartitionCommit head, long highestSeq) {

    public Optional<PartitionCommit> headCommit() {
        return Optional.ofNullable(head);
    }

    /** Offset to continue from, or -1 when nothing was committed yet. */
    public long nextOffset() {
        return head == null ? -1 : head.endOffset();
    }
}

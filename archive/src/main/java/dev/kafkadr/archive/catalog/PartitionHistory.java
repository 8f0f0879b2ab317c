package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.List;
import java.util.Optional;

/**
 * A partition's committed backup: the chain of commit records from the first to the head, oldest first
 * (docs/archive-format.md, "Resolving history"). Empty when nothing was ever committed. Immutable.
 */
public record PartitionHistory(String cluster, String topic, int partition, List<PartitionCommit> chain) {

    public PartitionHistory {
        chain = List.copyOf(chain);
    }

    public boolean isEmpty() {
        return chain.isEmpty();
    }

    public Optional<PartitionCommit> head() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    /** First offset the archive covers, or -1. */
    public long startOffset() {
        return chain.isEmpty() ? -1 : chain.get(0).startOffset();
    }

    /** Offset after the last one covered, or -1. */
    public long endOffset() {
        return head().map(PartitionCommit::endOffset).orElse(-1L);
    }

    /** Every segment of the chain, in offset order. */
    public List<SegmentRef> segments() {
        return chain.stream().flatMap(c -> c.segments().stream()).toList();
    }

    /** Every recorded gap, in offset order. */
    public List<OffsetGap> gaps() {
        return chain.stream().flatMap(c -> c.gaps().stream()).toList();
    }

    public long records() {
        return chain.stream().mapToLong(PartitionCommit::records).sum();
    }

    public long bytes() {
        return chain.stream().mapToLong(PartitionCommit::bytes).sum();
    }
}

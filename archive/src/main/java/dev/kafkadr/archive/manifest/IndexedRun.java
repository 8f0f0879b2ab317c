package dev.kafkadr.archive.manifest;

import java.time.Instant;
import java.util.List;

/**
 * One committed run as an index summarizes it: what {@code kdr backups list} and run selection by time need, without
 * reading the manifest. Immutable.
 *
 * @param metadata the run's topic-metadata snapshot reference, or null
 * @param gaps     every gap the run recorded, with its partition
 */
public record IndexedRun(String runId, String writerId, Instant cutAt, Instant committedAt, RunTotals totals,
                         ObjectRef metadata, List<RunGap> gaps) {

    public IndexedRun {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /** The summary of a manifest. */
    public static IndexedRun of(RunManifest m) {
        List<RunGap> gaps = m.partitionsWithGaps().stream().flatMap(e -> e.gaps().stream()
                .map(g -> new RunGap(e.topic(), e.partition(), g.from(), g.to(), g.reason()))).toList();
        long records = m.partitions().stream().mapToLong(PartitionEntry::records).sum();
        long bytes = m.partitions().stream().mapToLong(PartitionEntry::bytes).sum();
        int topics = (int) m.partitions().stream().map(PartitionEntry::topic).distinct().count();
        return new IndexedRun(m.runId(), m.writerId(), m.cutAt(), m.committedAt(),
                new RunTotals(topics, m.partitions().size(), records, bytes, gaps.size()), m.metadata(), gaps);
    }

    /** A gap recorded by a run, with its partition. Immutable. */
    public record RunGap(String topic, int partition, long from, long to, String reason) {
    }
}

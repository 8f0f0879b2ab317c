package dev.kafkadr.archive.manifest;

import java.util.List;

/**
 * Where one partition's backup stands after a run, as the run manifest lists it. {@code created} tells whether this
 * run wrote the commit record {@code commitSeq} (otherwise nothing changed and it names the existing head). Immutable.
 */
public record PartitionEntry(String topic, int partition, long commitSeq, long parentSeq, boolean created,
                             long startOffset, long endOffset, long logStartOffset, long records, long bytes,
                             List<SegmentRef> segments, List<OffsetGap> gaps) {

    public PartitionEntry {
        segments = segments == null ? List.of() : List.copyOf(segments);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }
}

package dev.kafkadr.archive.manifest;

import java.time.Instant;
import java.util.List;

/**
 * A partition commit record: what one run added to one partition's backup (docs/archive-format.md, section 4).
 * Created with put-if-absent under {@code …/commits/<seq>.json}. Immutable.
 *
 * @param topicId        Kafka topic id when known, so a deleted and recreated topic starts a new chain
 * @param seq            position in the partition's commit sequence (1, 2, …)
 * @param parentSeq      the commit this one continues, 0 for the first of a chain
 * @param startOffset    first offset covered (the parent's end offset, or the log start offset)
 * @param endOffset      offset after the last one covered (the partition end offset at the cut)
 * @param logStartOffset the partition's log start offset at the cut
 * @param gaps           offsets lost before they could be read
 * @param segments       segments holding the records of {@code [startOffset, endOffset)}
 */
public record PartitionCommit(String cluster, String topic, int partition, String topicId, long seq, long parentSeq,
                              String runId, String writerId, long startOffset, long endOffset, long logStartOffset,
                              List<OffsetGap> gaps, List<SegmentRef> segments, long records, long bytes,
                              Instant createdAt) {

    public PartitionCommit {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}

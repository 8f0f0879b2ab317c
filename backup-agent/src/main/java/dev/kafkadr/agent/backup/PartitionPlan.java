package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import java.util.List;
import java.util.Objects;

/**
 * What a run does for one partition: read {@code [from, to)}, record {@code gaps}, continue the committed chain or
 * start a new one (topic recreated or truncated), or nothing at all ({@link #unchanged()}). Immutable.
 *
 * @param warning a message for the log when the plan is unusual (gap, recreated topic), else null
 */
public record PartitionPlan(PartitionStart start, String topicId, long from, long to, long logStartOffset,
                            List<OffsetGap> gaps, boolean newChain, String warning) {

    /** Decides the plan from where the archive stands and where Kafka stands at the cut. */
    public static PartitionPlan of(PartitionStart start, String topicId, long logStart, long cut) {
        String tp = start.topic() + "-" + start.partition();
        PartitionCommit head = start.head();
        if (head == null) {
            return new PartitionPlan(start, topicId, logStart, cut, logStart, List.of(), true, null);
        }
        if (head.topicId() != null && topicId != null && !Objects.equals(head.topicId(), topicId)) {
            return new PartitionPlan(start, topicId, logStart, cut, logStart, List.of(), true, tp
                    + ": topic id changed from " + head.topicId() + " to " + topicId
                    + " (the topic was deleted and recreated); starting a new history at offset " + logStart);
        }
        if (cut < head.endOffset()) {
            return new PartitionPlan(start, topicId, logStart, cut, logStart, List.of(), true, tp + ": end offset "
                    + cut + " is below the " + head.endOffset() + " already backed up (the log was truncated or "
                    + "recreated); starting a new history at offset " + logStart);
        }
        if (logStart > head.endOffset()) {
            OffsetGap gap = new OffsetGap(head.endOffset(), logStart, OffsetGap.RETENTION);
            return new PartitionPlan(start, topicId, logStart, cut, logStart, List.of(gap), false, tp
                    + ": retention gap: offsets " + gap.from() + " to " + (gap.to() - 1) + " (" + gap.size()
                    + " offsets) were deleted by Kafka before any backup read them");
        }
        return new PartitionPlan(start, topicId, head.endOffset(), cut, logStart, List.of(), false, null);
    }

    /** Nothing new, no gap, same chain: no commit record is needed. */
    public boolean unchanged() {
        return !newChain && gaps.isEmpty() && from >= to;
    }
}

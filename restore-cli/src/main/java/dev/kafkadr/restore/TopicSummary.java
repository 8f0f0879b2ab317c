package dev.kafkadr.restore;

import dev.kafkadr.archive.manifest.TopicMetadata;
import java.util.List;

/**
 * An archived topic as {@code kdr backups describe} shows it, as of one run: per partition the offsets and times the
 * archive holds. Immutable.
 *
 * @param metadata the topic's metadata as of the run, or null if none was recorded
 */
public record TopicSummary(String cluster, String topic, String runId, TopicMetadata metadata,
                           List<PartitionSummary> partitions) {

    public TopicSummary {
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition: offsets {@code [startOffset, endOffset)} covered, the log start offset at the run's cut, the
     * records and archived bytes held, the time range of those records (null if none), commits and gaps. Immutable.
     */
    public record PartitionSummary(int partition, long startOffset, long endOffset, long logStartOffset,
                                   long records, long bytes, Long minTimestamp, Long maxTimestamp, int commits,
                                   List<RunSummary.Gap> gaps) {

        public PartitionSummary {
            gaps = List.copyOf(gaps);
        }
    }
}

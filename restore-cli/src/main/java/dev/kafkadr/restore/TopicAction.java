package dev.kafkadr.restore;

import java.util.List;

/**
 * What a restore does with one target topic, decided before anything is written: create it, use an existing empty
 * one, resume a restore the target already holds a prefix of, or append to it; and per partition how many records to
 * write. Immutable.
 *
 * @param spec     how the topic is created ({@link Kind#CREATE} only), else null
 * @param existing the topic as found on the target (absent for CREATE)
 */
public record TopicAction(TopicPlan plan, Kind kind, TopicSpec spec, TargetTopic existing,
                          List<PartitionAction> partitions, List<String> warnings) {

    /** The decision for the topic. Immutable. */
    public enum Kind {
        /** The topic does not exist: create it from the archived metadata. */
        CREATE,
        /** The topic exists and holds no records: write into it as it is. */
        EXISTING_EMPTY,
        /** The topic holds a prefix of this restore (an earlier run was interrupted): continue after it. */
        RESUME,
        /** The topic holds other records and --append was given: add after them. */
        APPEND
    }

    public TopicAction {
        partitions = List.copyOf(partitions);
        warnings = List.copyOf(warnings);
    }

    public String target() {
        return plan.targetTopic();
    }

    public long recordsToWrite() {
        return partitions.stream().mapToLong(PartitionAction::toWrite).sum();
    }

    public long recordsPresent() {
        return partitions.stream().mapToLong(PartitionAction::present).sum();
    }

    /**
     * One partition's work. Immutable.
     *
     * @param records     length of the partition's restore stream
     * @param present     stream records already in the target (resume), skipped
     * @param targetStart target offsets {@code [start, end)} before this restore writes
     */
    public record PartitionAction(PartitionSource source, long records, long present, long targetStart,
                                  long targetEnd) {

        public long toWrite() {
            return records - present;
        }

        public int partition() {
            return source.partition();
        }
    }
}

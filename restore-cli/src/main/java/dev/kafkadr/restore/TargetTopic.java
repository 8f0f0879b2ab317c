package dev.kafkadr.restore;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A topic as found on the target cluster: whether it exists, its partition count, timestamp type and each
 * partition's offsets {@code [start, end)}. Immutable.
 */
public record TargetTopic(String name, boolean exists, int partitions, String timestampType,
                          SortedMap<Integer, OffsetRange> offsets) {

    public TargetTopic {
        offsets = new TreeMap<>(offsets);
    }

    public static TargetTopic absent(String name) {
        return new TargetTopic(name, false, 0, null, new TreeMap<>());
    }

    /** Records held (end − start summed over partitions). */
    public long records() {
        return offsets.values().stream().mapToLong(OffsetRange::size).sum();
    }

    public OffsetRange offsets(int partition) {
        return offsets.getOrDefault(partition, new OffsetRange(0, 0));
    }

    public static TargetTopic of(String name, int partitions, String timestampType, Map<Integer, OffsetRange> o) {
        return new TargetTopic(name, true, partitions, timestampType, new TreeMap<>(o));
    }

    /** A partition's log start and end offsets on the target. Immutable. */
    public record OffsetRange(long start, long end) {
        public long size() {
            return end - start;
        }
    }
}

package dev.kafkadr.restore;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of {@link OffsetTranslator#translate}: the length of a partition's restore stream and, per committed
 * offset, how many restored records lie below it. Immutable.
 */
public record OffsetTranslation(String partition, long restoredRecords, SortedMap<Long, Long> recordsBelow) {

    public OffsetTranslation {
        recordsBelow = new TreeMap<>(recordsBelow);
    }

    /**
     * The target offset for committed offset {@code committed}, given the target offset {@code base} of the
     * restore stream's first record.
     */
    public long targetOffset(long committed, long base) {
        Long below = recordsBelow.get(committed);
        if (below == null) {
            throw new IllegalArgumentException(partition + ": offset " + committed + " was not translated");
        }
        return base + below;
    }
}

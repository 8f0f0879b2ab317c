package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import java.util.Optional;

/**
 * Checks that target offsets {@code [base, base + count)} of a partition hold the first {@code count} records of its
 * restore stream, by comparing the first record present at or after {@code base} and the record at
 * {@code base + count − 1} with the stream records at the same index. Used to resume a restore (base = the target's
 * log start) and to locate restored records for offset translation (base = end − restored records). Thread-safe if
 * the reader is.
 */
public final class TargetMatcher {

    /** Reads the first target record at or after an offset, with its target offset. Thread-safe. */
    @FunctionalInterface
    public interface TargetReader {
        Optional<ArchivedRecord> firstRecordFrom(String topic, int partition, long offset, long end);
    }

    private final SegmentSource segments;
    private final TargetReader reader;

    public TargetMatcher(SegmentSource segments, TargetReader reader) {
        this.segments = segments;
        this.reader = reader;
    }

    /** Empty if the target holds the stream prefix, else what differs (one line, no topic name). */
    public Optional<String> mismatch(PartitionSource source, String topic, int partition, long base, long count) {
        if (count == 0) {
            return Optional.empty();
        }
        long last = base + count - 1;
        Optional<ArchivedRecord> first = reader.firstRecordFrom(topic, partition, base, last + 1);
        if (first.isEmpty()) {
            return Optional.of("no record between offsets " + base + " and " + last);
        }
        Optional<String> firstProblem = compare(source, first.get(), first.get().offset() - base);
        if (firstProblem.isPresent()) {
            return firstProblem;
        }
        Optional<ArchivedRecord> end = reader.firstRecordFrom(topic, partition, last, last + 1);
        if (end.isEmpty()) {
            return Optional.of("no record at offset " + last);
        }
        return compare(source, end.get(), count - 1);
    }

    private Optional<String> compare(PartitionSource source, ArchivedRecord target, long index) {
        ArchivedRecord expected = streamRecord(source, index);
        if (TargetRecord.sameContent(expected, target)) {
            return Optional.empty();
        }
        return Optional.of("target record at offset " + target.offset() + " differs from restore record " + index
                + ", archived " + TargetRecord.describe(expected));
    }

    private ArchivedRecord streamRecord(PartitionSource source, long index) {
        try (RestoreStream s = RestoreStream.open(source, segments)) {
            s.skip(index);
            return s.next();
        }
    }
}

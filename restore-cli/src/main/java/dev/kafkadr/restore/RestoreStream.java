package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.CorruptSegmentException;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A partition's restore stream ({@link PartitionSource}) read from its segments in offset order. Fails with
 * {@link CorruptSegmentException} if offsets do not strictly increase. {@link #skip(long)} passes over whole
 * segments without reading them when it can. Not thread-safe.
 */
public final class RestoreStream implements RecordCursor {

    private final PartitionSource source;
    private final SegmentSource segments;
    private final List<SegmentRef> todo;
    private int nextSegment;
    private SegmentRef currentRef;
    private RecordCursor current;
    private ArchivedRecord lookahead;
    private long lastOffset = Long.MIN_VALUE;
    private long position;

    private RestoreStream(PartitionSource source, SegmentSource segments) {
        this.source = source;
        this.segments = segments;
        this.todo = source.relevantSegments();
    }

    public static RestoreStream open(PartitionSource source, SegmentSource segments) {
        return new RestoreStream(source, segments);
    }

    /** Index (0-based) in the restore stream of the record {@link #next()} returns. */
    public long position() {
        return position;
    }

    @Override
    public boolean hasNext() {
        while (lookahead == null) {
            if (current != null && current.hasNext()) {
                ArchivedRecord r = current.next();
                checkOrder(r);
                if (source.accepts(r)) {
                    lookahead = r;
                }
            } else if (!openNext()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ArchivedRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ArchivedRecord r = lookahead;
        lookahead = null;
        position++;
        return r;
    }

    /** Passes over the next {@code n} records; fails if the stream has fewer. */
    public void skip(long n) {
        long left = n;
        while (left > 0) {
            if (lookahead == null && (current == null || !current.hasNext()) && nextSegment < todo.size()) {
                SegmentRef s = todo.get(nextSegment);
                if (source.includesWhole(s) && s.records() <= left) {
                    closeCurrent();
                    if (s.baseOffset() <= lastOffset) {
                        throw disorder(s, s.baseOffset());
                    }
                    lastOffset = s.lastOffset();
                    nextSegment++;
                    left -= s.records();
                    position += s.records();
                    continue;
                }
            }
            if (!hasNext()) {
                throw new IllegalStateException(source.name() + ": cannot skip " + n + " records, the restore stream"
                        + " ends after " + position);
            }
            next();
            left--;
        }
    }

    private boolean openNext() {
        closeCurrent();
        if (nextSegment >= todo.size()) {
            return false;
        }
        currentRef = todo.get(nextSegment++);
        current = segments.open(currentRef, source.readFrom(currentRef));
        return true;
    }

    private void checkOrder(ArchivedRecord r) {
        if (r.offset() <= lastOffset) {
            throw disorder(currentRef, r.offset());
        }
        lastOffset = r.offset();
    }

    private CorruptSegmentException disorder(SegmentRef s, long offset) {
        return new CorruptSegmentException(s.key(), -1, 0, "offset " + offset + " of " + source.name()
                + " does not follow offset " + lastOffset + " of the partition history (segments overlap or are"
                + " out of order)");
    }

    private void closeCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}

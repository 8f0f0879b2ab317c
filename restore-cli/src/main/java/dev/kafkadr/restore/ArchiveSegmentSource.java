package dev.kafkadr.restore;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.CorruptSegmentException;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.format.SegmentSeeker;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectInfo;
import java.util.Iterator;

/**
 * Reads segments from the archive: a whole segment sequentially (one GET, every CRC and the footer checked), or,
 * when reading starts inside a segment, with ranged reads from the first block that can hold the wanted offset.
 * Thread-safe.
 */
public final class ArchiveSegmentSource implements SegmentSource {

    private final ArchiveCatalog catalog;

    public ArchiveSegmentSource(ArchiveCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public RecordCursor open(SegmentRef segment, long fromOffset) {
        if (fromOffset <= segment.baseOffset()) {
            SegmentReader reader = catalog.openSegment(segment);
            return cursor(reader, reader);
        }
        SegmentSeeker seeker = catalog.seekSegment(segment);
        try {
            return cursor(seeker.fromOffset(fromOffset), seeker);
        } catch (RuntimeException e) {
            seeker.close();
            throw e;
        }
    }

    @Override
    public void preflight(SegmentRef segment) {
        long size = catalog.store().stat(segment.key()).map(ObjectInfo::size).orElse(-1L);
        if (size != segment.bytes()) {
            throw new CorruptSegmentException(segment.key(), -1, Math.max(size, 0), (size < 0
                    ? "the object does not exist" : "the object ends here") + " but its commit record says it has "
                    + segment.bytes() + " bytes (truncated, replaced or deleted); nothing was written");
        }
    }

    private static RecordCursor cursor(Iterator<ArchivedRecord> it, AutoCloseable resource) {
        return new RecordCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ArchivedRecord next() {
                return it.next();
            }

            @Override
            public void close() {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close a segment reader", e);
                }
            }
        };
    }
}

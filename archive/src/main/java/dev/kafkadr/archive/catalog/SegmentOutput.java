package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.SegmentSummary;
import dev.kafkadr.archive.format.SegmentWriter;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;

/**
 * One data segment being streamed into the store: records go through a {@link SegmentWriter} into an
 * {@link ObjectUpload}; {@link #finish()} makes the object visible and returns its reference; {@link #abort()} or
 * {@link #close()} without finish discards it. Not thread-safe.
 */
public final class SegmentOutput implements AutoCloseable {

    private final String key;
    private final ObjectUpload upload;
    private final SegmentWriter writer;
    private SegmentRef ref;

    SegmentOutput(String key, ObjectUpload upload, Codec codec, int level, int blockBytes) {
        this.key = key;
        this.upload = upload;
        SegmentWriter w;
        try {
            w = new SegmentWriter(upload, codec, level, blockBytes);
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        this.writer = w;
    }

    /**
     * Opens a segment outside any one run (continuous mode: a segment may be committed by a later run than the one
     * in progress when it was opened). {@code segmentId} has the shape of a run id and is never the id of a run
     * manifest, so retention treats the object as uncommitted (kept for the grace period) until a committed chain
     * references it.
     */
    public static SegmentOutput open(ObjectStore store, String cluster, String topic, int partition, long baseOffset,
                                     String segmentId, Codec codec, int level, int blockBytes) {
        String key = ArchiveLayout.segmentKey(ArchiveLayout.checkName("cluster name", cluster), topic, partition,
                baseOffset, segmentId);
        return new SegmentOutput(key, store.upload(key), codec, level, blockBytes);
    }

    public String key() {
        return key;
    }

    public void append(ArchivedRecord record) {
        writer.append(record);
    }

    /** Approximate segment size so far, for deciding when to roll to a new segment. */
    public long estimatedBytes() {
        return writer.estimatedBytes();
    }

    public long records() {
        return writer.records();
    }

    public long lastOffset() {
        return writer.lastOffset();
    }

    /** Completes the segment and commits the object. */
    public SegmentRef finish() {
        if (ref == null) {
            SegmentSummary s = writer.finish();
            upload.commit();
            ref = new SegmentRef(key, s.firstOffset(), s.lastOffset(), s.records(), s.bytes(), s.minTimestamp(),
                    s.maxTimestamp(), s.sha256(), s.codec().configName());
        }
        return ref;
    }

    public void abort() {
        writer.close();
        upload.abort();
    }

    @Override
    public void close() {
        if (ref == null) {
            abort();
        }
    }
}

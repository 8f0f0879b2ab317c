package dev.kafkadr.restore;

import dev.kafkadr.archive.manifest.SegmentRef;

/**
 * Opens archived segments for reading. The archive implementation is {@link ArchiveSegmentSource}; tests may supply
 * records from memory. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SegmentSource {

    /** The records of {@code segment} whose offset is ≥ {@code fromOffset}, in offset order; the caller closes it. */
    RecordCursor open(SegmentRef segment, long fromOffset);

    /**
     * A cheap check before anything is written: the segment exists with the size its commit record gives (a
     * truncated, missing or replaced object fails here instead of half-way through a restore). Default: no check.
     */
    default void preflight(SegmentRef segment) {
    }
}

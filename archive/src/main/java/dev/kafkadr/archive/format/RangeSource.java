package dev.kafkadr.archive.format;

import java.io.InputStream;

/** Ranged read access to one stored segment, so a reader can fetch only the blocks it needs. Thread-safe if the store is. */
public interface RangeSource {

    /** The object's name, for error messages. */
    String name();

    /** Total object size in bytes. */
    long size();

    /** A stream of {@code length} bytes starting at {@code position}. */
    InputStream open(long position, long length);
}

package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.format.RangeSource;
import dev.kafkadr.archive.store.ObjectStore;
import java.io.InputStream;

/** Ranged reads of one stored segment through an {@link ObjectStore}. Thread-safe. */
public record StoreRangeSource(ObjectStore store, String key, long size) implements RangeSource {

    @Override
    public String name() {
        return key;
    }

    @Override
    public InputStream open(long position, long length) {
        return store.getRange(key, position, length);
    }
}

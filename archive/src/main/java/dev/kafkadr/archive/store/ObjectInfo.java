package dev.kafkadr.archive.store;

/** A stored object's key (relative to the store root) and size in bytes. Immutable. */
public record ObjectInfo(String key, long size) {
}

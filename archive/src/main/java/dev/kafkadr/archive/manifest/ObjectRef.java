package dev.kafkadr.archive.manifest;

/** A reference from a manifest to another archive object, with its checksum and size. Immutable. */
public record ObjectRef(String key, String sha256, long bytes) {
}

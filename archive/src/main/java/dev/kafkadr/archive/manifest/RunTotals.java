package dev.kafkadr.archive.manifest;

/** Summary counts of a run, for listings. Immutable. */
public record RunTotals(int topics, int partitions, long records, long bytes, int gaps) {
}

package dev.kafkadr.benchmarks;

import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicChains;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How long reading one index chain object takes (docs/benchmarks-metadata.md, "Where the time goes"): builds the
 * chain object of a 100-partition topic after {@code runs} nightly runs of one 3-record segment each, serializes it
 * as the index writer does, and times five parses in the same JVM (the first one is what a fresh {@code kdr} pays).
 * Usage: {@code IndexParseBench [runs]}. Not thread-safe; run from the command line only.
 */
public final class IndexParseBench {

    private IndexParseBench() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        List<TopicChains.PartitionChain> partitions = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            List<PartitionCommit> chain = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                String run = String.format("2025%04dT020000000Z-%08x", r, r * 7919);
                SegmentRef s = new SegmentRef("clusters/bench/topics/topic-03/" + p + "/segments/"
                        + String.format("%020d", r * 3L) + "-" + run + ".kseg", r * 3L, r * 3L + 2, 3, 204,
                        1764295200000L + r, 1764295200002L + r, String.format("%064x", (long) r * 31 + p), "none");
                chain.add(new PartitionCommit("bench", "topic-03", p, null, r, r - 1, run, "bench-agent", r * 3L,
                        r * 3L + 3, Math.max(0, r * 3L - 21), List.of(), List.of(s), 3, 204,
                        Instant.parse("2025-11-28T02:00:00Z")));
            }
            partitions.add(new TopicChains.PartitionChain(p, "run", runs, chain));
        }
        byte[] bytes = ArchiveJson.write(new TopicChains("bench", "run", "topic-03", partitions),
                ArchiveJson.INDEX_FORMAT);
        System.out.printf("chain object of 100 partitions x %d commits: %d bytes%n", runs, bytes.length);
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            ArchiveJson.read(bytes, "bench", TopicChains.class, ArchiveJson.INDEX_FORMAT);
            System.out.printf("parse %d: %.0f ms%n", i + 1, (System.nanoTime() - t) / 1e6);
        }
    }
}

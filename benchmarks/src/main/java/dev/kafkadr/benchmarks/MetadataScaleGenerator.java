package dev.kafkadr.benchmarks;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.catalog.IndexWriter;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a synthetic archive of nightly runs through the project's own {@link RunWriter} (segments, put-if-absent
 * commit records, snapshots, manifest, and the index when asked), for the metadata-scale benchmark
 * (docs/benchmarks-metadata.md). Tiny segments: a few records per partition per run. Continues an existing archive
 * up to {@code --runs}. Not thread-safe; run from the command line only.
 *
 * <pre>
 * MetadataScaleGenerator --store URI [--store-option K=V]... --runs R --topics T --partitions N
 *     [--records-per-run 3] [--index-every 0] [--threads 2]
 * MetadataScaleGenerator --store URI --index-only | --drop-indexes
 * </pre>
 */
public final class MetadataScaleGenerator {

    static final String CLUSTER = "bench";
    static final Instant FIRST_RUN = Instant.parse("2025-11-28T02:00:00Z");
    static final int RETAINED_RUNS = 7;

    private final ObjectStore store;
    private final ArchiveCatalog catalog;
    private final int topics;
    private final int partitions;
    private final int recordsPerRun;
    private final int indexEvery;
    private final ExecutorService pool;

    MetadataScaleGenerator(ObjectStore store, int topics, int partitions, int recordsPerRun, int indexEvery,
                           int threads) {
        this.store = store;
        this.catalog = new ArchiveCatalog(store);
        this.topics = topics;
        this.partitions = partitions;
        this.recordsPerRun = recordsPerRun;
        this.indexEvery = indexEvery;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        Map<String, String> storeOpts = new HashMap<>();
        boolean indexOnly = false;
        boolean dropIndexes = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index-only" -> indexOnly = true;
                case "--drop-indexes" -> dropIndexes = true;
                case "--store-option" -> {
                    String[] kv = args[++i].split("=", 2);
                    storeOpts.put(kv[0], kv[1]);
                }
                default -> opts.put(args[i], args[++i]);
            }
        }
        try (ObjectStore store = ObjectStores.open(opts.get("--store"), StoreOptions.of(storeOpts))) {
            MetadataScaleGenerator g = new MetadataScaleGenerator(store, Integer.parseInt(opts.getOrDefault("--topics",
                    "10")), Integer.parseInt(opts.getOrDefault("--partitions", "100")),
                    Integer.parseInt(opts.getOrDefault("--records-per-run", "3")),
                    Integer.parseInt(opts.getOrDefault("--index-every", "0")),
                    Integer.parseInt(opts.getOrDefault("--threads", "2")));
            try {
                if (dropIndexes) {
                    try (var all = store.listAll(ArchiveLayout.indexesPrefix(CLUSTER))) {
                        store.deleteAll(all.map(o -> o.key()).toList());
                    }
                } else if (indexOnly) {
                    g.indexNewest();
                } else {
                    g.generate(Integer.parseInt(opts.get("--runs")));
                }
            } finally {
                g.pool.shutdownNow();
            }
        }
    }

    /** Writes the index as of the newest committed run (what a format-2 writer leaves after it). */
    void indexNewest() {
        long t0 = System.nanoTime();
        String newest = catalog.committedRunIds(CLUSTER).last();
        new IndexWriter(catalog, Clock.systemUTC()).write(CLUSTER, newest);
        System.out.printf("index as of %s written in %.1f s%n", newest, (System.nanoTime() - t0) / 1e9);
    }

    void generate(int runs) throws Exception {
        int existing = catalog.committedRunIds(CLUSTER).size();
        long t0 = System.nanoTime();
        for (int r = existing; r < runs; r++) {
            long t = System.nanoTime();
            run(r);
            if ((r + 1) % 10 == 0 || r + 1 == runs) {
                System.out.printf("run %d/%d committed (last run %.2f s, %.0f s in all)%n", r + 1, runs,
                        (System.nanoTime() - t) / 1e9, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private void run(int day) throws Exception {
        Instant at = FIRST_RUN.plus(Duration.ofDays(day));
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        RunWriter run = new RunWriter(catalog, CLUSTER, "bench-agent", "bench", clock).indexEvery(indexEvery);
        List<Future<PartitionEntry>> futures = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            for (int p = 0; p < partitions; p++) {
                String topic = topic(t);
                int partition = p;
                futures.add(pool.submit(() -> partition(run, topic, partition, day, at)));
            }
        }
        List<PartitionEntry> entries = new ArrayList<>();
        for (Future<PartitionEntry> f : futures) {
            entries.add(f.get());
        }
        List<TopicMetadata> meta = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            meta.add(TopicMetadata.of(topic(t), null, partitions, 1, Map.of("retention.ms", "-1"), "CreateTime"));
        }
        ObjectRef metadata = run.writeRunObject("topics.json", new TopicsSnapshot(run.runId(), meta));
        run.commit(entries, at, metadata, null, null, e -> {
            throw new IllegalStateException("fenced: " + e);
        });
        if (run.indexFailure().isPresent()) {
            throw run.indexFailure().get();
        }
    }

    /** One partition's part of a run: a segment of a few records, its commit record; log start 7 runs back. */
    private PartitionEntry partition(RunWriter run, String topic, int partition, int day, Instant at) {
        PartitionStart start = run.start(topic, partition);
        long from = Math.max(0, start.nextOffset());
        long end = from + recordsPerRun;
        List<SegmentRef> segs = new ArrayList<>();
        try (SegmentOutput out = run.openSegment(topic, partition, from, Codec.NONE, 0, 64 * 1024)) {
            for (long o = from; o < end; o++) {
                byte[] value = ("v" + o).getBytes(StandardCharsets.UTF_8);
                out.append(new ArchivedRecord(o, at.toEpochMilli() + o - from, TimestampType.CREATE_TIME, null,
                        value, List.of()));
            }
            segs.add(out.finish());
        }
        long logStart = Math.max(0, end - (long) RETAINED_RUNS * recordsPerRun);
        PartitionCommit c = run.commitPartition(start, null, false, from, end, logStart, List.of(), segs);
        return new PartitionEntry(topic, partition, c.seq(), c.parentSeq(), true, c.startOffset(), c.endOffset(),
                c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps());
    }

    static String topic(int t) {
        return String.format("topic-%02d", t);
    }
}

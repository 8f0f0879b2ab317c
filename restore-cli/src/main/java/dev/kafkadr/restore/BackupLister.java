package dev.kafkadr.restore;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.manifest.IndexedRun;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * Lists committed backup runs and describes what the archive holds for a topic (the data behind
 * {@code kdr backups list/describe}). A run whose manifest cannot be read is listed with its problem instead of
 * failing the listing. Reads only the archive. Thread-safe.
 */
public final class BackupLister {

    private final ArchiveCatalog catalog;
    private final BackupLocator locator;

    public BackupLister(ArchiveCatalog catalog) {
        this.catalog = catalog;
        this.locator = new BackupLocator(catalog);
    }

    /** Every committed run of {@code cluster} (or of every cluster when null), sorted by cluster and run id. */
    public List<RunSummary> runs(String cluster) {
        List<String> clusters = cluster != null ? List.of(locator.cluster(cluster)) : locator.clustersWithBackups();
        List<RunSummary> out = new ArrayList<>();
        for (String c : clusters) {
            for (String runId : catalog.committedRunIds(c)) {
                out.add(summary(c, runId));
            }
        }
        return out;
    }

    private RunSummary summary(String cluster, String runId) {
        IndexedRun r;
        try {
            r = catalog.runInfo(cluster, runId);
        } catch (KdrException e) {
            KeyFailures.rethrowIfKeyProblem(e);
            return new RunSummary(cluster, runId, null, null, 0, 0, 0, 0, List.of(), e.getMessage());
        }
        List<RunSummary.Gap> gaps = r.gaps().stream().map(g -> new RunSummary.Gap(g.topic(), g.partition(),
                g.from(), g.to(), g.reason())).toList();
        return new RunSummary(cluster, runId, r.cutAt(), r.committedAt(), r.totals().topics(),
                r.totals().partitions(), r.totals().records(), r.totals().bytes(), gaps, null);
    }

    /** What the archive holds for {@code topic} as of {@code runId} (null: the newest run). */
    public TopicSummary describe(String cluster, String topic, String runId) {
        String c = locator.cluster(cluster);
        String run = locator.run(c, runId);
        NavigableSet<String> runs = locator.runs(c).headSet(run, true);
        List<TopicSummary.PartitionSummary> parts = new ArrayList<>();
        for (int p : catalog.partitions(c, topic)) {
            PartitionHistory h = catalog.history(c, topic, p, runs, run);
            if (!h.isEmpty()) {
                parts.add(partition(h));
            }
        }
        if (parts.isEmpty()) {
            throw new BackupNotFoundException("topic '" + topic + "' has no backup in cluster '" + c + "' as of run "
                    + run + " (archived topics: " + catalog.topics(c) + ")", "check the topic name with "
                    + "'kdr backups describe' on one of the archived topics");
        }
        return new TopicSummary(c, topic, run, locator.metadataAsOf(c, topic, run).orElse(null), parts);
    }

    private static TopicSummary.PartitionSummary partition(PartitionHistory h) {
        Long min = null;
        Long max = null;
        for (SegmentRef s : h.segments()) {
            if (s.records() > 0) {
                min = min == null ? s.minTimestamp() : Math.min(min, s.minTimestamp());
                max = max == null ? s.maxTimestamp() : Math.max(max, s.maxTimestamp());
            }
        }
        List<RunSummary.Gap> gaps = h.gaps().stream().map(g -> new RunSummary.Gap(h.topic(), h.partition(),
                g.from(), g.to(), g.reason())).toList();
        PartitionCommit head = h.head().orElseThrow();
        return new TopicSummary.PartitionSummary(h.partition(), h.startOffset(), h.endOffset(),
                head.logStartOffset(), h.records(), h.bytes(), min, max, h.chain().size(), gaps);
    }
}

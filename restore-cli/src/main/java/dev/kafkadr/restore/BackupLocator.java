package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds what the operator asked for in an archive: the cluster, its committed runs, a run by id or by time, topic
 * metadata as of a run. Every "not there" is a one-line {@link BackupNotFoundException} naming what exists.
 * Thread-safe.
 */
public final class BackupLocator {

    private static final String LIST_HINT = "run 'kdr backups list --store URI' to see what the store holds";

    private final ArchiveCatalog catalog;
    private final Map<String, TopicsSnapshot> snapshots = new ConcurrentHashMap<>();

    public BackupLocator(ArchiveCatalog catalog) {
        this.catalog = catalog;
    }

    public ArchiveCatalog catalog() {
        return catalog;
    }

    /** Clusters with at least one committed run, sorted; fails if the store holds no archive at all. */
    public List<String> clustersWithBackups() {
        List<String> all = catalog.clusters();
        if (all.isEmpty()) {
            throw new BackupNotFoundException("no kafka-dr archive at " + catalog.store().uri()
                    + ": the store holds nothing under clusters/", "check --store (and --store-option for S3)");
        }
        List<String> out = new ArrayList<>();
        for (String c : all) {
            if (!catalog.committedRunIds(c).isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The cluster to work on: {@code requested}, or the only one with backups. */
    public String cluster(String requested) {
        List<String> clusters = clustersWithBackups();
        if (requested != null) {
            if (!clusters.contains(requested)) {
                throw new BackupNotFoundException("no committed backup of cluster '" + requested + "' in "
                        + catalog.store().uri() + " (clusters with backups: " + clusters + ")", LIST_HINT);
            }
            return requested;
        }
        if (clusters.isEmpty()) {
            throw new BackupNotFoundException("no committed backup in " + catalog.store().uri()
                    + " (no run of any cluster has committed)", LIST_HINT);
        }
        if (clusters.size() > 1) {
            throw new UsageException("the store holds backups of several clusters " + clusters
                    + ": choose one with --cluster");
        }
        return clusters.get(0);
    }

    /** Committed run ids of {@code cluster}, oldest first (never empty for a cluster from {@link #cluster}). */
    public NavigableSet<String> runs(String cluster) {
        return catalog.committedRunIds(cluster);
    }

    /** {@code requested} if it is a committed run, else the newest run. */
    public String run(String cluster, String requested) {
        NavigableSet<String> runs = runs(cluster);
        if (requested == null) {
            return runs.last();
        }
        if (!runs.contains(requested)) {
            throw new BackupNotFoundException("run '" + requested + "' is not a committed run of cluster '" + cluster
                    + "' (runs " + runs.first() + " … " + runs.last() + ", " + runs.size() + " in all)", LIST_HINT);
        }
        return requested;
    }

    public RunManifest manifest(String cluster, String runId) {
        return catalog.manifest(cluster, runId);
    }

    /** The earliest committed run whose cut is at or after {@code time}. */
    public Optional<String> earliestRunCutAtOrAfter(String cluster, Instant time) {
        for (String id : runs(cluster)) {
            if (!catalog.runInfo(cluster, id).cutAt().isBefore(time)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The newest committed run whose cut is at or before {@code time}. */
    public Optional<String> newestRunCutAtOrBefore(String cluster, Instant time) {
        for (String id : runs(cluster).descendingSet()) {
            if (!catalog.runInfo(cluster, id).cutAt().isAfter(time)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** A topic's metadata from the newest run up to {@code runId} that recorded it. */
    public Optional<TopicMetadata> metadataAsOf(String cluster, String topic, String runId) {
        for (String id : runs(cluster).headSet(runId, true).descendingSet()) {
            ObjectRef metadata = catalog.runInfo(cluster, id).metadata();
            if (metadata == null) {
                continue;
            }
            TopicsSnapshot s = snapshots.computeIfAbsent(metadata.key(),
                    k -> catalog.readJson(k, TopicsSnapshot.class));
            Optional<TopicMetadata> found = s.topics().stream().filter(t -> t.name().equals(topic)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

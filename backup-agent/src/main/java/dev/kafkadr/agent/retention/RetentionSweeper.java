package dev.kafkadr.agent.retention;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.catalog.RunId;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy} to one cluster's archive (docs/archive-format.md, section 6): deletes expired run
 * manifests, then every segment and commit record no retained run needs; objects of runs that never committed only
 * once older than the grace period. Never deletes a segment a retained run references at or above its log start, nor
 * the run naming the newest backup of a live topic's partition. Not thread-safe; one sweep at a time per instance.
 */
public final class RetentionSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

    /** What a sweep deleted. */
    public record Report(List<String> expiredRuns, int segmentsDeleted, int commitsDeleted, long bytesFreed) {
    }

    private final ObjectStore store;
    private final String cluster;
    private final RetentionPolicy policy;
    private final Clock clock;

    public RetentionSweeper(ObjectStore store, String cluster, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.cluster = cluster;
        this.policy = policy;
        this.clock = clock;
    }

    /** Sweeps if the policy limits runs; failures are logged, never thrown (the backup itself succeeded). */
    public void sweepAfterRun() {
        if (!policy.limitsRuns()) {
            return;
        }
        try {
            Report r = sweep();
            if (!r.expiredRuns().isEmpty() || r.segmentsDeleted() > 0) {
                LOG.info("retention: deleted {} runs, {} segments ({} bytes), {} commit records", r.expiredRuns()
                        .size(), r.segmentsDeleted(), r.bytesFreed(), r.commitsDeleted());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention sweep of cluster {} failed (will retry after the next run): {}", cluster,
                    e.getMessage());
        }
    }

    public Report sweep() {
        Instant now = clock.instant();
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        NavigableSet<String> committed = catalog.committedRunIds(cluster);
        List<String> expired = new ArrayList<>(policy.expired(committed, now));
        expired.removeAll(headHolders(catalog, committed, expired));
        NavigableSet<String> retained = new TreeSet<>(committed);
        expired.forEach(retained::remove);

        Set<String> neededSegments = new HashSet<>();
        Set<String> chainCommits = new HashSet<>();
        for (String runId : retained) {
            RunManifest m = catalog.manifest(cluster, runId);
            for (PartitionEntry e : m.partitions()) {
                PartitionHistory h = catalog.history(cluster, e.topic(), e.partition(), committed, runId);
                for (PartitionCommit c : h.chain()) {
                    chainCommits.add(ArchiveLayout.commitKey(cluster, c.topic(), c.partition(), c.seq()));
                    for (SegmentRef s : c.segments()) {
                        if (s.lastOffset() >= e.logStartOffset()) {
                            neededSegments.add(s.key());
                        }
                    }
                }
            }
        }
        for (String runId : expired) {
            // the manifest first: a sweep stopped in between leaves unreferenced objects, never a committed run
            // whose snapshots are gone
            store.delete(ArchiveLayout.manifestKey(cluster, runId));
            store.deleteAll(listKeys(ArchiveLayout.runPrefix(cluster, runId)));
        }
        Set<String> expiredSet = new HashSet<>(expired);
        List<String> segments = new ArrayList<>();
        List<String> commits = new ArrayList<>();
        long[] bytes = {0};
        try (Stream<ObjectInfo> all = store.listAll(ArchiveLayout.topicsPrefix(cluster))) {
            all.forEach(o -> {
                String key = o.key();
                if (key.endsWith(".kseg") && !neededSegments.contains(key)
                        && deletable(ArchiveLayout.runIdOfSegment(key), committed, expiredSet, now)) {
                    segments.add(key);
                    bytes[0] += o.size();
                } else if (key.contains("/commits/") && !chainCommits.contains(key)
                        && deletable(runIdOfCommit(catalog, key), committed, expiredSet, now)) {
                    commits.add(key);
                }
            });
        }
        store.deleteAll(segments);
        store.deleteAll(commits);
        return new Report(expired, segments.size(), commits.size(), bytes[0]);
    }

    /**
     * The runs among {@code expired} that name the newest head of a partition of a live topic (one the newest topic
     * snapshot or a retained run lists). With several writers (scale-out, or scheduled agents sharing a cut) a
     * manifest lists only its writer's partitions, so the newest runs a policy keeps need not name every partition;
     * expiring the run that does would delete that partition's newest backup. Topics no longer live (deleted or no
     * longer selected) age out with their runs.
     */
    private Set<String> headHolders(ArchiveCatalog catalog, NavigableSet<String> committed, List<String> expired) {
        if (expired.isEmpty()) {
            return Set.of();
        }
        Set<String> expiredSet = new HashSet<>(expired);
        Set<String> live = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Set<String> holders = new TreeSet<>();
        boolean snapshotRead = false;
        for (String runId : committed.descendingSet()) {
            RunManifest m = catalog.manifest(cluster, runId);
            if (!snapshotRead && m.metadata() != null) {
                catalog.readJson(m.metadata().key(), TopicsSnapshot.class).topics().forEach(t -> live.add(t.name()));
                snapshotRead = true;
            }
            boolean isExpired = expiredSet.contains(runId);
            for (PartitionEntry e : m.partitions()) {
                if (!isExpired) {
                    live.add(e.topic());
                }
                if (seen.add(e.topic() + "/" + e.partition()) && isExpired && live.contains(e.topic())) {
                    holders.add(runId);
                }
            }
        }
        if (!holders.isEmpty()) {
            LOG.info("retention: keeping {} expired runs that hold the newest backup of a partition no newer run "
                    + "lists (several writers): {}", holders.size(), holders);
        }
        return holders;
    }

    /** Objects of committed (retained or expired) runs go at once when unneeded; others after the grace period. */
    private boolean deletable(String runId, NavigableSet<String> committed, Set<String> expired, Instant now) {
        if (runId == null || !RunId.isValid(runId)) {
            return false;
        }
        if (committed.contains(runId) || expired.contains(runId)) {
            return true;
        }
        return RunId.startTime(runId).isBefore(now.minus(policy.grace()));
    }

    /** The run that wrote a commit record, or null if it cannot be read (then it is kept). */
    private static String runIdOfCommit(ArchiveCatalog catalog, String key) {
        try {
            return catalog.readJson(key, PartitionCommit.class).runId();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private List<String> listKeys(String prefix) {
        try (Stream<ObjectInfo> s = store.listAll(prefix)) {
            return s.map(ObjectInfo::key).toList();
        }
    }
}

package dev.kafkadr.agent.continuous;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionFencedException;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Commits the in-flight data of a set of owned partitions as one run (docs/archive-format.md, section 5): a fresh
 * run id, for each partition with pending data a head check (the archive head must still be the one the in-flight
 * range continues), the partition commit record with put-if-absent, the snapshots, the pre-manifest re-check, and
 * the manifest listing every partition given (unchanged ones with their head). A partition that another writer
 * took over is reported as {@link CycleResult#lost()} with the reason, never committed over the other writer.
 * Not thread-safe (the poll thread uses it).
 */
public final class CycleCommitter {

    private final ObjectStore store;
    private final String cluster;
    private final String writerId;
    private final String version;
    private final Clock clock;

    /**
     * Continuous agents commit a run every few minutes; the index of committed state (docs/archive-format.md,
     * section 8) is rebuilt only once this many runs (of any agent) are newer than the newest index, about hourly
     * with the default segment age, instead of after every cycle.
     */
    static final int INDEX_EVERY_RUNS = 20;

    public CycleCommitter(ObjectStore store, String cluster, String writerId, String version, Clock clock) {
        this.store = store;
        this.cluster = cluster;
        this.writerId = writerId;
        this.version = version;
        this.clock = clock;
    }

    /**
     * Commits {@code partitions} in one run; nothing is written when no partition changed and {@code snapshots}
     * is null (a manifest then carries no news).
     *
     * @param logStart  the partition's log start offset now (for the commit record)
     * @param snapshots snapshots to write with this run, or null to write none
     */
    public CycleResult commit(Collection<OpenPartition> partitions, ToLongFunction<OpenPartition> logStart,
                              SnapshotSource.Snapshots snapshots) {
        boolean anyPending = partitions.stream().anyMatch(OpenPartition::hasPending);
        if (!anyPending && snapshots == null) {
            return CycleResult.nothing();
        }
        RunWriter run = new RunWriter(new ArchiveCatalog(store), cluster, writerId, version, clock)
                .indexEvery(INDEX_EVERY_RUNS);
        Instant cutAt = clock.instant();
        Map<OpenPartition, PartitionEntry> entries = new LinkedHashMap<>();
        Map<OpenPartition, PartitionCommit> created = new HashMap<>();
        Map<OpenPartition, String> lost = new LinkedHashMap<>();
        for (OpenPartition p : partitions) {
            if (p.hasPending()) {
                commitPartition(run, p, logStart.applyAsLong(p), entries, created, lost);
            } else if (p.head() != null) {
                unchanged(run, p, logStart.applyAsLong(p), entries, lost);
            }
        }
        if (created.isEmpty() && snapshots == null) {
            return new CycleResult(null, Map.of(), lost);
        }
        ObjectRef topics = null;
        ObjectRef groups = null;
        ObjectRef acls = null;
        if (snapshots != null) {
            SnapshotSource.Snapshots s = snapshots.stamped(run.runId());
            topics = run.writeRunObject("topics.json", s.topics());
            groups = run.writeRunObject("groups.json", s.groups());
            acls = run.writeRunObject("acls.json", s.acls());
        }
        Map<PartitionEntry, OpenPartition> byEntry = new HashMap<>();
        entries.forEach((p, e) -> byEntry.put(e, p));
        List<PartitionEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparing(PartitionEntry::topic).thenComparingInt(PartitionEntry::partition));
        RunManifest m = run.commit(sorted, cutAt, topics, groups, acls, e -> {
            OpenPartition p = byEntry.get(e);
            created.remove(p);
            lost.put(p, "commit seq " + e.commitSeq() + " was superseded before the run manifest: a newer commit "
                    + "record of another writer appeared (pre-manifest re-check)");
        });
        return new CycleResult(m, created, lost);
    }

    private void commitPartition(RunWriter run, OpenPartition p, long logStart,
                                 Map<OpenPartition, PartitionEntry> entries,
                                 Map<OpenPartition, PartitionCommit> created, Map<OpenPartition, String> lost) {
        PartitionStart start = run.start(p.topic(), p.partition());
        long headSeq = start.head() == null ? 0 : start.head().seq();
        if (headSeq != p.headSeq()) {
            lost.put(p, headMoved(p, start));
            return;
        }
        List<SegmentRef> segments = p.finishSegments();
        try {
            PartitionCommit c = run.commitPartition(start, p.topicId(), p.newChain(), p.from(), p.position(),
                    Math.min(logStart, p.position()), p.gaps(), segments);
            created.put(p, c);
            entries.put(p, new PartitionEntry(c.topic(), c.partition(), c.seq(), c.parentSeq(), true,
                    c.startOffset(), c.endOffset(), c.logStartOffset(), c.records(), c.bytes(), c.segments(),
                    c.gaps()));
        } catch (PartitionFencedException e) {
            lost.put(p, e.getMessage() + " (put-if-absent of the commit record failed)");
        }
    }

    /** Lists an unchanged partition at its head, unless another writer wrote a commit record since. */
    private void unchanged(RunWriter run, OpenPartition p, long logStart, Map<OpenPartition, PartitionEntry> entries,
                           Map<OpenPartition, String> lost) {
        PartitionStart start = run.start(p.topic(), p.partition());
        if (start.highestSeq() > p.knownHighestSeq() || (start.head() == null ? 0 : start.head().seq())
                != p.headSeq()) {
            lost.put(p, headMoved(p, start));
            return;
        }
        PartitionCommit h = p.head();
        entries.put(p, new PartitionEntry(h.topic(), h.partition(), h.seq(), h.parentSeq(), false, h.endOffset(),
                h.endOffset(), Math.min(logStart, h.endOffset()), 0, 0, List.of(), List.of()));
    }

    private static String headMoved(OpenPartition p, PartitionStart now) {
        PartitionCommit h = now.head();
        String found = h == null ? "no committed head" : "head seq " + h.seq() + " written by '" + h.writerId()
                + "' (run " + h.runId() + ") up to offset " + h.endOffset();
        return "the archive moved under this agent: expected head seq " + p.headSeq() + " ending at offset "
                + p.from() + ", found " + found + " and highest commit seq " + now.highestSeq()
                + "; another writer owns this partition now";
    }

    /**
     * What a commit did: the manifest (null if none was written), the partitions it committed, and the partitions
     * another writer took over, with the reason. Immutable view.
     */
    public record CycleResult(RunManifest manifest, Map<OpenPartition, PartitionCommit> committed,
                              Map<OpenPartition, String> lost) {

        static CycleResult nothing() {
            return new CycleResult(null, Map.of(), Map.of());
        }
    }
}

package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.RunTotals;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectAlreadyExistsException;
import dev.kafkadr.archive.store.ObjectStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The writing side of the commit protocol for one backup run (docs/archive-format.md, section 5): finds each
 * partition's head, streams segments, creates partition commit records with put-if-absent, writes snapshots and
 * finally the run manifest, the commit point. Thread-safe for distinct partitions.
 */
public final class RunWriter {

    private final ArchiveCatalog catalog;
    private final ObjectStore store;
    private final String cluster;
    private final String writerId;
    private final String agentVersion;
    private final Clock clock;
    private final String runId;
    private final Instant startedAt;
    private final NavigableSet<String> committedRuns;
    private int indexEvery = 1;
    private RuntimeException indexFailure;

    public RunWriter(ArchiveCatalog catalog, String cluster, String writerId, String agentVersion, Clock clock) {
        this.catalog = catalog;
        this.store = catalog.store();
        this.cluster = ArchiveLayout.checkName("cluster name", cluster);
        this.writerId = writerId;
        this.agentVersion = agentVersion;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.runId = RunId.generate(clock);
        this.committedRuns = catalog.committedRunIds(cluster);
    }

    /**
     * After committing, write the index (docs/archive-format.md, section 8) when at least {@code runs} committed runs
     * are newer than the newest index; 0 never writes one. Default 1: after every run.
     */
    public RunWriter indexEvery(int runs) {
        if (runs < 0) {
            throw new IllegalArgumentException("indexEvery must be >= 0: " + runs);
        }
        this.indexEvery = runs;
        return this;
    }

    /** Why writing the index after the commit failed (the run is committed regardless), if it did. */
    public Optional<RuntimeException> indexFailure() {
        return Optional.ofNullable(indexFailure);
    }

    public String runId() {
        return runId;
    }

    public String cluster() {
        return cluster;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Committed runs seen when this run started. */
    public NavigableSet<String> committedRuns() {
        return committedRuns;
    }

    /** Finds where {@code topic-partition} stands: committed head and highest seq. */
    public PartitionStart start(String topic, int partition) {
        List<Long> seqs = catalog.commitSeqs(cluster, topic, partition);
        PartitionCommit head = catalog.head(cluster, topic, partition, committedRuns, null).orElse(null);
        long highest = seqs.isEmpty() ? 0 : seqs.get(seqs.size() - 1);
        return new PartitionStart(topic, partition, head, highest);
    }

    /** Opens a new segment whose first record has offset {@code baseOffset}. */
    public SegmentOutput openSegment(String topic, int partition, long baseOffset, Codec codec, int level,
                                     int blockBytes) {
        String key = ArchiveLayout.segmentKey(cluster, topic, partition, baseOffset, runId);
        return new SegmentOutput(key, store.upload(key), codec, level, blockBytes);
    }

    /**
     * Creates the partition's commit record with put-if-absent.
     *
     * @param newChain true to start a new chain (the topic was deleted and recreated), ignoring the old head
     * @throws PartitionFencedException if another writer created that seq first
     */
    public PartitionCommit commitPartition(PartitionStart start, String topicId, boolean newChain, long startOffset,
                                           long endOffset, long logStartOffset, List<OffsetGap> gaps,
                                           List<SegmentRef> segments) {
        long seq = start.highestSeq() + 1;
        long parent = newChain || start.head() == null ? 0 : start.head().seq();
        long records = segments.stream().mapToLong(SegmentRef::records).sum();
        long bytes = segments.stream().mapToLong(SegmentRef::bytes).sum();
        PartitionCommit c = new PartitionCommit(cluster, start.topic(), start.partition(), topicId, seq, parent,
                runId, writerId, startOffset, endOffset, logStartOffset, gaps, segments, records, bytes,
                clock.instant());
        try {
            store.putIfAbsent(ArchiveLayout.commitKey(cluster, start.topic(), start.partition(), seq),
                    ArchiveJson.write(c));
        } catch (ObjectAlreadyExistsException e) {
            throw new PartitionFencedException(start.topic(), start.partition(), seq,
                    "was created by another writer while this run was writing");
        }
        catalog.remember(cluster, c);
        return c;
    }

    /** Writes a snapshot object of this run ({@code runs/<run-id>/<name>}). */
    public ObjectRef writeRunObject(String name, Object snapshot) {
        byte[] bytes = ArchiveJson.write(snapshot);
        String key = ArchiveLayout.runObjectKey(cluster, runId, name);
        store.put(key, bytes);
        return new ObjectRef(key, sha256(bytes), bytes.length);
    }

    /**
     * Re-checks ownership of every partition this run created a commit for, drops the ones a newer writer took
     * over (reporting them to {@code onFenced}), and creates the run manifest with put-if-absent.
     */
    public RunManifest commit(List<PartitionEntry> entries, Instant cutAt, ObjectRef metadata, ObjectRef groups,
                              ObjectRef acls, Consumer<PartitionEntry> onFenced) {
        List<PartitionEntry> kept = new ArrayList<>();
        for (PartitionEntry e : entries) {
            if (e.created()) {
                List<Long> seqs = catalog.commitSeqs(cluster, e.topic(), e.partition());
                if (!seqs.isEmpty() && seqs.get(seqs.size() - 1) > e.commitSeq()) {
                    onFenced.accept(e);
                    continue;
                }
            }
            kept.add(e);
        }
        RunManifest m = new RunManifest(runId, cluster, writerId, agentVersion, startedAt, cutAt, clock.instant(),
                kept, metadata, groups, acls, totals(kept), store.encryptionKeyId().orElse(null));
        store.putIfAbsent(ArchiveLayout.manifestKey(cluster, runId), ArchiveJson.write(m));
        catalog.remember(m);
        writeIndexIfDue();
        return m;
    }

    /** The index is only an accelerator written after the commit point: a failure leaves the run committed. */
    private void writeIndexIfDue() {
        if (indexEvery == 0) {
            return;
        }
        try {
            NavigableSet<String> indexed = catalog.indexRunIds(cluster);
            if (!indexed.isEmpty() && indexed.last().compareTo(runId) >= 0) {
                return; // a newer run already wrote a newer index; readers apply this manifest on top of it
            }
            NavigableSet<String> runs = catalog.committedRunIds(cluster).headSet(runId, true);
            int newer = indexed.isEmpty() ? runs.size() : runs.tailSet(indexed.last(), false).size();
            if (newer >= indexEvery) {
                new IndexWriter(catalog, clock).write(cluster, runId);
            }
        } catch (RuntimeException e) {
            indexFailure = e;
        }
    }

    static RunTotals totals(List<PartitionEntry> entries) {
        return new RunTotals((int) entries.stream().map(PartitionEntry::topic).distinct().count(), entries.size(),
                entries.stream().mapToLong(PartitionEntry::records).sum(),
                entries.stream().mapToLong(PartitionEntry::bytes).sum(),
                entries.stream().mapToInt(e -> e.gaps().size()).sum());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.format.SegmentSeeker;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.CorruptArchiveObjectException;
import dev.kafkadr.archive.manifest.IndexedRun;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads an archive: clusters, committed runs, manifests, partition histories and segments, following only what
 * committed manifests make reachable (docs/archive-format.md, section 5). Caches immutable objects it has read.
 * Thread-safe.
 */
public final class ArchiveCatalog {

    private final ObjectStore store;
    private final Map<String, RunManifest> manifests = new ConcurrentHashMap<>();
    /** Per manifest key: its partition entries by "topic/partition" (history lookups run once per partition). */
    private final Map<String, Map<String, PartitionEntry>> entries = new ConcurrentHashMap<>();
    private final Map<String, PartitionCommit> commits = new ConcurrentHashMap<>();
    /** Per cluster: the committed run ids as last listed. */
    private final Map<String, NavigableSet<String>> committed = new ConcurrentHashMap<>();
    /** Per cluster: its newest index, or empty when there is none or it proved unusable. */
    private final Map<String, Optional<ChainIndex>> indexes = new ConcurrentHashMap<>();
    private final List<String> indexWarnings = new CopyOnWriteArrayList<>();

    private final boolean useIndexes;

    public ArchiveCatalog(ObjectStore store) {
        this(store, true);
    }

    private ArchiveCatalog(ObjectStore store, boolean useIndexes) {
        this.store = store;
        this.useIndexes = useIndexes;
    }

    /** A catalog that never reads indexes: every history is resolved by walking commit records (format 1 rules). */
    public static ArchiveCatalog ignoringIndexes(ObjectStore store) {
        return new ArchiveCatalog(store, false);
    }

    public ObjectStore store() {
        return store;
    }

    /** Names of the clusters with anything in the store. */
    public List<String> clusters() {
        return store.listChildren(ArchiveLayout.clustersPrefix());
    }

    /** Ids of the committed runs of {@code cluster}, oldest first. */
    public NavigableSet<String> committedRunIds(String cluster) {
        NavigableSet<String> ids = new TreeSet<>();
        try (Stream<ObjectInfo> all = store.listAll(ArchiveLayout.manifestsPrefix(cluster))) {
            all.forEach(o -> {
                String id = ArchiveLayout.runIdOfManifest(cluster, o.key());
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        NavigableSet<String> out = Collections.unmodifiableNavigableSet(ids);
        committed.put(cluster, out);
        return out;
    }

    /** The committed runs as last listed by this catalog. */
    NavigableSet<String> knownCommitted(String cluster) {
        NavigableSet<String> ids = committed.get(cluster);
        return ids != null ? ids : committedRunIds(cluster);
    }

    /**
     * What listings need to know about a committed run: from the newest index when it summarizes the run, else from
     * the run's manifest.
     */
    public IndexedRun runInfo(String cluster, String runId) {
        IndexedRun r = index(cluster).map(i -> i.run(runId)).orElse(null);
        return r != null ? r : IndexedRun.of(manifest(cluster, runId));
    }

    /** Why an index was not used (it is then ignored and histories are resolved by walking commit records). */
    public List<String> indexWarnings() {
        return List.copyOf(indexWarnings);
    }

    /** Ids of the runs with an index root, oldest first. */
    public NavigableSet<String> indexRunIds(String cluster) {
        NavigableSet<String> ids = new TreeSet<>();
        for (String child : store.listChildren(ArchiveLayout.indexesPrefix(cluster))) {
            if (child.endsWith(".json")) {
                ids.add(child.substring(0, child.length() - 5));
            }
        }
        return ids;
    }

    /** The newest index of {@code cluster}, read once; empty when there is none or it is unusable. */
    Optional<ChainIndex> index(String cluster) {
        if (!useIndexes) {
            return Optional.empty();
        }
        return indexes.computeIfAbsent(cluster, c -> {
            try {
                NavigableSet<String> ids = indexRunIds(c);
                return ids.isEmpty() ? Optional.empty() : Optional.of(ChainIndex.load(store, c, ids.last()));
            } catch (KdrException e) {
                indexWarnings.add("index of cluster " + c + " ignored: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    void disableIndex(String cluster, String why) {
        indexWarnings.add("index of cluster " + cluster + " ignored: " + why);
        indexes.put(cluster, Optional.empty());
    }

    /** Adds a manifest this process has just committed (its content is immutable) to the cache. */
    void remember(RunManifest m) {
        manifests.put(ArchiveLayout.manifestKey(m.cluster(), m.runId()), m);
    }

    /** Adds a commit record this process has just created (its content is immutable) to the cache. */
    void remember(String cluster, PartitionCommit c) {
        commits.put(ArchiveLayout.commitKey(cluster, c.topic(), c.partition(), c.seq()), c);
    }

    /** The manifest of a committed run. */
    public RunManifest manifest(String cluster, String runId) {
        String key = ArchiveLayout.manifestKey(cluster, runId);
        return manifests.computeIfAbsent(key, k -> readJson(k, RunManifest.class));
    }

    /** A committed run's entry for a partition, or null if the run does not list it. */
    public PartitionEntry entry(String cluster, String runId, String topic, int partition) {
        Map<String, PartitionEntry> index = entries.computeIfAbsent(ArchiveLayout.manifestKey(cluster, runId), k -> {
            Map<String, PartitionEntry> m = new java.util.HashMap<>();
            manifest(cluster, runId).partitions().forEach(e -> m.put(e.topic() + "/" + e.partition(), e));
            return m;
        });
        return index.get(topic + "/" + partition);
    }

    /** Every committed run's manifest, oldest first. */
    public List<RunManifest> manifests(String cluster) {
        return committedRunIds(cluster).stream().map(id -> manifest(cluster, id)).toList();
    }

    /** Reads and checks a JSON archive object. */
    public <T> T readJson(String key, Class<T> type) {
        return ArchiveJson.read(store.readAll(key), key, type);
    }

    /** Topics that have partition data for {@code cluster}. */
    public List<String> topics(String cluster) {
        return store.listChildren(ArchiveLayout.topicsPrefix(cluster));
    }

    /** Partition numbers with data for a topic, ascending. */
    public List<Integer> partitions(String cluster, String topic) {
        List<Integer> out = new ArrayList<>();
        for (String child : store.listChildren(ArchiveLayout.topicsPrefix(cluster) + topic + "/")) {
            if (child.matches("[0-9]{1,10}")) {
                out.add(Integer.parseInt(child));
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Sequence numbers of every commit record of a partition (committed or not), ascending. */
    public List<Long> commitSeqs(String cluster, String topic, int partition) {
        List<Long> seqs = new ArrayList<>();
        try (Stream<ObjectInfo> all = store.listAll(ArchiveLayout.commitsPrefix(cluster, topic, partition))) {
            all.forEach(o -> {
                long seq = ArchiveLayout.seqOfCommit(o.key());
                if (seq > 0) {
                    seqs.add(seq);
                }
            });
        }
        Collections.sort(seqs);
        return seqs;
    }

    /** Reads one commit record (cached: a catalog serves many lookups of the same chain). */
    public PartitionCommit commit(String cluster, String topic, int partition, long seq) {
        return commits.computeIfAbsent(ArchiveLayout.commitKey(cluster, topic, partition, seq),
                k -> readCommit(cluster, topic, partition, seq));
    }

    /** Reads and checks one commit record without caching it (for a single pass over every record: verify). */
    public PartitionCommit readCommit(String cluster, String topic, int partition, long seq) {
        String key = ArchiveLayout.commitKey(cluster, topic, partition, seq);
        PartitionCommit c = readJson(key, PartitionCommit.class);
        if (c.seq() != seq || c.partition() != partition || !c.topic().equals(topic)) {
            throw new CorruptArchiveObjectException(key, "describes " + c.topic() + "-" + c.partition() + " seq "
                    + c.seq() + ", its key says " + topic + "-" + partition + " seq " + seq);
        }
        return c;
    }

    /**
     * The committed history of a partition as of run {@code asOfRunId} (inclusive; null for the newest): the head is
     * the commit named by the newest committed manifest (up to that run) that lists the partition, and the chain
     * follows parent pointers from there (docs/archive-format.md, "Resolving history"; section 8 for how an index
     * shortens both steps).
     *
     * @param committedRuns the committed run ids of the cluster ({@link #committedRunIds})
     */
    public PartitionHistory history(String cluster, String topic, int partition, NavigableSet<String> committedRuns,
                                    String asOfRunId) {
        return new PartitionHistory(cluster, topic, partition,
                resolve(cluster, topic, partition, committedRuns, asOfRunId).chain());
    }

    /** A resolved partition: the run whose manifest names the head (null if none), the head seq and the chain. */
    record Resolved(String headRun, long headSeq, List<PartitionCommit> chain) {
    }

    Resolved resolve(String cluster, String topic, int partition, NavigableSet<String> committedRuns,
                     String asOfRunId) {
        return new HistoryResolver(this, cluster, topic, partition).resolve(committedRuns, asOfRunId);
    }

    /**
     * Only the head commit of a partition as of run {@code asOfRunId} (null for the newest), without walking the
     * chain: what a writer needs to continue, in a constant number of reads however long the history is.
     */
    public java.util.Optional<PartitionCommit> head(String cluster, String topic, int partition,
                                                    NavigableSet<String> committedRuns, String asOfRunId) {
        long seq = headSeq(cluster, topic, partition, committedRuns, asOfRunId);
        if (seq == 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(commit(cluster, topic, partition, seq));
        } catch (dev.kafkadr.archive.store.ObjectNotFoundException e) {
            throw new CorruptArchiveObjectException(ArchiveLayout.commitKey(cluster, topic, partition, seq),
                    "is the head of " + topic + "-" + partition + " in a committed manifest but does not exist", e);
        }
    }

    private long headSeq(String cluster, String topic, int partition, NavigableSet<String> committedRuns,
                         String asOfRunId) {
        NavigableSet<String> candidates = asOfRunId == null ? committedRuns : committedRuns.headSet(asOfRunId, true);
        for (String runId : candidates.descendingSet()) {
            PartitionEntry e = entry(cluster, runId, topic, partition);
            if (e != null) {
                return e.commitSeq();
            }
        }
        return 0;
    }

    /** Streams every record of a partition's history to {@code action}, in offset order, checking every block. */
    public void forEachRecord(PartitionHistory history, java.util.function.Consumer<ArchivedRecord> action) {
        for (SegmentRef ref : history.segments()) {
            try (SegmentReader r = openSegment(ref)) {
                r.forEachRemaining(action);
            }
        }
    }

    /** Reads a whole segment front to back (one GET). */
    public SegmentReader openSegment(SegmentRef ref) {
        return SegmentReader.open(store.get(ref.key()), ref.key());
    }

    /** Opens a segment for ranged reads. */
    public SegmentSeeker seekSegment(SegmentRef ref) {
        return SegmentSeeker.open(new StoreRangeSource(store, ref.key(), ref.bytes()));
    }
}

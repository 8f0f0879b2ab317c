package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.format.SegmentSeeker;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.CorruptArchiveObjectException;
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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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

    public ArchiveCatalog(ObjectStore store) {
        this.store = store;
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
        return Collections.unmodifiableNavigableSet(ids);
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

    /** Reads one commit record. */
    public PartitionCommit commit(String cluster, String topic, int partition, long seq) {
        String key = ArchiveLayout.commitKey(cluster, topic, partition, seq);
        return commits.computeIfAbsent(key, k -> {
            PartitionCommit c = readJson(k, PartitionCommit.class);
            if (c.seq() != seq || c.partition() != partition || !c.topic().equals(topic)) {
                throw new CorruptArchiveObjectException(k, "describes " + c.topic() + "-" + c.partition() + " seq "
                        + c.seq() + ", its key says " + topic + "-" + partition + " seq " + seq);
            }
            return c;
        });
    }

    /**
     * The committed history of a partition as of run {@code asOfRunId} (inclusive; null for the newest): the head is
     * the commit named by the newest committed manifest (up to that run) that lists the partition, and the chain
     * follows parent pointers from there (docs/archive-format.md, "Resolving history").
     *
     * @param committedRuns the committed run ids of the cluster ({@link #committedRunIds})
     */
    public PartitionHistory history(String cluster, String topic, int partition, NavigableSet<String> committedRuns,
                                    String asOfRunId) {
        long headSeq = headSeq(cluster, topic, partition, committedRuns, asOfRunId);
        List<PartitionCommit> chain = new ArrayList<>();
        for (long seq = headSeq; seq > 0; ) {
            PartitionCommit c;
            try {
                c = commit(cluster, topic, partition, seq);
            } catch (dev.kafkadr.archive.store.ObjectNotFoundException e) {
                throw new CorruptArchiveObjectException(ArchiveLayout.commitKey(cluster, topic, partition, seq),
                        "is referenced by the history of " + topic + "-" + partition + " but does not exist", e);
            }
            chain.add(c);
            seq = c.parentSeq();
        }
        Collections.reverse(chain);
        return new PartitionHistory(cluster, topic, partition, chain);
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

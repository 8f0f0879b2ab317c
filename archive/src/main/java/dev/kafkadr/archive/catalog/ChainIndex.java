package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.CorruptArchiveObjectException;
import dev.kafkadr.archive.manifest.IndexRoot;
import dev.kafkadr.archive.manifest.IndexedRun;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.TopicChains;
import dev.kafkadr.archive.store.ObjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded index (archive format version 2, docs/archive-format.md, section 8): the root with its run summaries, and
 * each topic's chain object read on first use and checked against the root (size, SHA-256) and against itself
 * (every chain links by parent pointers from seq 0 to the head it names). Any failure is a
 * {@link CorruptArchiveObjectException}: callers then stop using the index. Thread-safe.
 */
final class ChainIndex {

    private final ObjectStore store;
    private final IndexRoot root;
    private final Map<String, IndexedRun> runs = new HashMap<>();
    private final Map<String, IndexRoot.ChainRef> refs = new HashMap<>();
    private final Map<String, Map<Integer, TopicChains.PartitionChain>> topics = new ConcurrentHashMap<>();

    private ChainIndex(ObjectStore store, IndexRoot root) {
        this.store = store;
        this.root = root;
        root.runs().forEach(r -> runs.put(r.runId(), r));
        root.chains().forEach(c -> refs.put(c.topic(), c));
    }

    /** Reads and checks the index root of {@code cluster} as of {@code runId}. */
    static ChainIndex load(ObjectStore store, String cluster, String runId) {
        String key = ArchiveLayout.indexKey(cluster, runId);
        IndexRoot root = ArchiveJson.read(store.readAll(key), key, IndexRoot.class, ArchiveJson.INDEX_FORMAT);
        if (!cluster.equals(root.cluster()) || !runId.equals(root.runId())) {
            throw new CorruptArchiveObjectException(key, "describes run " + root.runId() + " of cluster "
                    + root.cluster() + ", its key says " + runId + " of " + cluster);
        }
        for (IndexedRun r : root.runs()) {
            if (r.runId().compareTo(runId) > 0) {
                throw new CorruptArchiveObjectException(key, "lists run " + r.runId() + ", newer than its own run");
            }
        }
        return new ChainIndex(store, root);
    }

    String runId() {
        return root.runId();
    }

    IndexRoot root() {
        return root;
    }

    /** Whether the index was built from run {@code runId}'s manifest. */
    boolean includes(String runId) {
        return runs.containsKey(runId);
    }

    IndexedRun run(String runId) {
        return runs.get(runId);
    }

    Set<String> topics() {
        return new TreeSet<>(refs.keySet());
    }

    /** Every partition of {@code topic} the index holds, with its chain. */
    Map<Integer, TopicChains.PartitionChain> partitions(String topic) {
        IndexRoot.ChainRef ref = refs.get(topic);
        if (ref == null) {
            return Map.of();
        }
        return topics.computeIfAbsent(topic, t -> loadTopic(ref));
    }

    /** The partition's chain as the index holds it, or null. */
    TopicChains.PartitionChain chain(String topic, int partition) {
        return partitions(topic).get(partition);
    }

    private Map<Integer, TopicChains.PartitionChain> loadTopic(IndexRoot.ChainRef ref) {
        byte[] bytes = store.readAll(ref.key());
        String sha = RunWriter.sha256(bytes);
        if (bytes.length != ref.bytes() || !sha.equals(ref.sha256())) {
            throw new CorruptArchiveObjectException(ref.key(), "has " + bytes.length + " bytes with SHA-256 " + sha
                    + ", the index root records " + ref.bytes() + " bytes with " + ref.sha256());
        }
        TopicChains tc = ArchiveJson.read(bytes, ref.key(), TopicChains.class, ArchiveJson.INDEX_FORMAT);
        if (!tc.cluster().equals(root.cluster()) || !tc.runId().equals(root.runId())
                || !tc.topic().equals(ref.topic())) {
            throw new CorruptArchiveObjectException(ref.key(), "describes topic " + tc.topic() + " of run "
                    + tc.runId() + ", the index root expects " + ref.topic() + " of " + root.runId());
        }
        Map<Integer, TopicChains.PartitionChain> out = new HashMap<>();
        for (TopicChains.PartitionChain pc : tc.partitions()) {
            check(ref.key(), tc.topic(), pc);
            out.put(pc.partition(), pc);
        }
        return out;
    }

    /** A chain must run from a first commit (parent 0) to the head it names, each link by parent pointer. */
    private void check(String key, String topic, TopicChains.PartitionChain pc) {
        List<PartitionCommit> chain = pc.chain();
        long parent = 0;
        for (PartitionCommit c : chain) {
            if (c.parentSeq() != parent || c.seq() <= parent || !topic.equals(c.topic()) || c.partition() != pc.partition()
                    || !root.cluster().equals(c.cluster())) {
                throw new CorruptArchiveObjectException(key, "chain of " + topic + "-" + pc.partition()
                        + " is broken at seq " + c.seq() + " (parent " + c.parentSeq() + ", expected " + parent + ")");
            }
            parent = c.seq();
        }
        if (chain.isEmpty() || parent != pc.headSeq() || pc.headRun() == null
                || pc.headRun().compareTo(root.runId()) > 0) {
            throw new CorruptArchiveObjectException(key, "chain of " + topic + "-" + pc.partition()
                    + " does not end at its head seq " + pc.headSeq() + " named by run " + pc.headRun());
        }
    }

    /** Position of commit {@code seq} in the chain (seqs increase along a chain), or -1. */
    static int indexOf(TopicChains.PartitionChain pc, long seq) {
        List<PartitionCommit> chain = pc.chain();
        int lo = 0;
        int hi = chain.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = chain.get(mid).seq();
            if (s == seq) {
                return mid;
            }
            if (s < seq) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}

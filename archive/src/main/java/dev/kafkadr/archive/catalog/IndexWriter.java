package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.catalog.ArchiveCatalog.Resolved;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.IndexRoot;
import dev.kafkadr.archive.manifest.IndexedRun;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.TopicChains;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the index of a cluster as of a committed run (archive format version 2, docs/archive-format.md, section 8)
 * and deletes indexes older than the one before it. Incremental: it starts from the newest existing index and reads
 * only the manifests and commit records that index does not cover. Writes the per-topic chain objects first and the
 * root last. Not thread-safe (one instance per build); builds by several writers may run at once.
 */
public final class IndexWriter {

    private final ArchiveCatalog catalog;
    private final ObjectStore store;
    private final Clock clock;

    public IndexWriter(ArchiveCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.store = catalog.store();
        this.clock = clock;
    }

    /** Writes the index of {@code cluster} as of committed run {@code runId}. */
    public IndexRoot write(String cluster, String runId) {
        NavigableSet<String> all = catalog.committedRunIds(cluster);
        if (!all.contains(runId)) {
            throw new BackupNotFoundException("cannot index run " + runId + " of cluster " + cluster
                    + ": it is not committed", "index a committed run");
        }
        ChainIndex previous = catalog.index(cluster).orElse(null);
        Map<String, NavigableSet<Integer>> partitions = new TreeMap<>();
        List<IndexedRun> runs = new ArrayList<>();
        for (String r : all.headSet(runId, true)) {
            IndexedRun info = previous == null ? null : previous.run(r);
            if (info == null) {
                RunManifest m = catalog.manifest(cluster, r);
                info = IndexedRun.of(m);
                for (PartitionEntry e : m.partitions()) {
                    partitions.computeIfAbsent(e.topic(), t -> new TreeSet<>()).add(e.partition());
                }
            }
            runs.add(info);
        }
        if (previous != null) {
            for (String topic : previous.topics()) {
                partitions.computeIfAbsent(topic, t -> new TreeSet<>()).addAll(previous.partitions(topic).keySet());
            }
        }
        List<IndexRoot.ChainRef> refs = new ArrayList<>();
        for (Map.Entry<String, NavigableSet<Integer>> t : partitions.entrySet()) {
            List<TopicChains.PartitionChain> chains = new ArrayList<>();
            for (int p : t.getValue()) {
                Resolved r = catalog.resolve(cluster, t.getKey(), p, all, runId);
                if (r.headRun() != null && !r.chain().isEmpty()) {
                    chains.add(new TopicChains.PartitionChain(p, r.headRun(), r.headSeq(), r.chain()));
                }
            }
            if (!chains.isEmpty()) {
                byte[] bytes = ArchiveJson.write(new TopicChains(cluster, runId, t.getKey(), chains),
                        ArchiveJson.INDEX_FORMAT);
                String key = ArchiveLayout.indexChainsKey(cluster, runId, t.getKey());
                store.put(key, bytes);
                refs.add(new IndexRoot.ChainRef(t.getKey(), key, RunWriter.sha256(bytes), bytes.length,
                        chains.size()));
            }
        }
        IndexRoot root = new IndexRoot(cluster, runId, clock.instant(), runs, refs);
        store.put(ArchiveLayout.indexKey(cluster, runId), ArchiveJson.write(root, ArchiveJson.INDEX_FORMAT));
        prune(cluster, runId);
        return root;
    }

    /** Keeps {@code runId}'s index and the newest one before it (a reader may still be reading it). */
    private void prune(String cluster, String runId) {
        NavigableSet<String> older = catalog.indexRunIds(cluster).headSet(runId, false);
        if (older.isEmpty()) {
            return;
        }
        for (String id : older.headSet(older.last(), false)) {
            store.delete(ArchiveLayout.indexKey(cluster, id));
            List<String> keys;
            try (Stream<ObjectInfo> objects = store.listAll(ArchiveLayout.indexesPrefix(cluster) + id + "/")) {
                keys = objects.map(ObjectInfo::key).toList();
            }
            store.deleteAll(keys);
        }
    }
}

package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.catalog.ArchiveCatalog.Resolved;
import dev.kafkadr.archive.manifest.CorruptArchiveObjectException;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.TopicChains;
import dev.kafkadr.archive.store.ObjectNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;

/**
 * Resolves one partition's head and chain as of a run (docs/archive-format.md, section 5 "Resolving history"),
 * using the cluster's newest index where section 8 allows it and falling back to the chain walk where it does not.
 * Not thread-safe; one instance per resolution.
 */
final class HistoryResolver {

    private final ArchiveCatalog catalog;
    private final String cluster;
    private final String topic;
    private final int partition;

    HistoryResolver(ArchiveCatalog catalog, String cluster, String topic, int partition) {
        this.catalog = catalog;
        this.cluster = cluster;
        this.topic = topic;
        this.partition = partition;
    }

    Resolved resolve(NavigableSet<String> committedRuns, String asOfRunId) {
        NavigableSet<String> candidates = asOfRunId == null ? committedRuns : committedRuns.headSet(asOfRunId, true);
        ChainIndex ix = catalog.index(cluster).orElse(null);
        TopicChains.PartitionChain ic = null;
        if (ix != null) {
            try {
                ic = ix.chain(topic, partition);
            } catch (KdrException e) {
                catalog.disableIndex(cluster, e.getMessage());
                return resolve(committedRuns, asOfRunId);
            }
        }
        // the index's entry is usable only while the run that named its head is committed (section 8)
        boolean usable = ic != null && catalog.knownCommitted(cluster).contains(ic.headRun());
        boolean indexKnows = ix != null && (usable || ic == null);
        boolean indexHeads = indexKnows && !candidates.isEmpty() && ix.runId().compareTo(candidates.last()) <= 0;
        String headRun = null;
        long headSeq = 0;
        for (String runId : candidates.descendingSet()) {
            if (indexHeads && usable && runId.compareTo(ic.headRun()) <= 0) {
                break;
            }
            if (indexHeads && ix.includes(runId)) {
                continue;
            }
            PartitionEntry e = catalog.entry(cluster, runId, topic, partition);
            if (e != null) {
                headRun = runId;
                headSeq = e.commitSeq();
                break;
            }
        }
        if (headRun == null && indexHeads && usable) {
            PartitionEntry e = catalog.entry(cluster, ic.headRun(), topic, partition);
            if (e == null || e.commitSeq() != ic.headSeq()) {
                catalog.disableIndex(cluster, "it names seq " + ic.headSeq() + " of " + topic + "-" + partition
                        + " as the head listed by run " + ic.headRun() + ", whose manifest says "
                        + (e == null ? "nothing" : "seq " + e.commitSeq()));
                return resolve(committedRuns, asOfRunId);
            }
            headRun = ic.headRun();
            headSeq = ic.headSeq();
        }
        return new Resolved(headRun, headSeq, chain(headSeq, usable ? ic : null));
    }

    /** The chain ending at {@code headSeq}: commit records read down to the first one the index entry holds. */
    private List<PartitionCommit> chain(long headSeq, TopicChains.PartitionChain indexed) {
        List<PartitionCommit> tail = new ArrayList<>();
        List<PartitionCommit> prefix = List.of();
        for (long seq = headSeq; seq > 0; ) {
            int at = indexed == null ? -1 : ChainIndex.indexOf(indexed, seq);
            if (at >= 0) {
                prefix = indexed.chain().subList(0, at + 1);
                break;
            }
            PartitionCommit c;
            try {
                c = catalog.commit(cluster, topic, partition, seq);
            } catch (ObjectNotFoundException e) {
                throw new CorruptArchiveObjectException(ArchiveLayout.commitKey(cluster, topic, partition, seq),
                        "is referenced by the history of " + topic + "-" + partition + " but does not exist", e);
            }
            tail.add(c);
            seq = c.parentSeq();
        }
        Collections.reverse(tail);
        List<PartitionCommit> chain = new ArrayList<>(prefix.size() + tail.size());
        chain.addAll(prefix);
        chain.addAll(tail);
        return chain;
    }
}

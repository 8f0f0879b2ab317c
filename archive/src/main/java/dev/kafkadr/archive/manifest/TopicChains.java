package dev.kafkadr.archive.manifest;

import java.util.List;

/**
 * The chain object of an index for one topic (archive format version 2): for every partition the committed head as
 * of the index's run, the run whose manifest named it, and the whole chain of commit records from the first to the
 * head, copied verbatim. Immutable.
 */
public record TopicChains(String cluster, String runId, String topic, List<PartitionChain> partitions) {

    public TopicChains {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }

    /**
     * One partition's resolved history as of the index's run.
     *
     * @param headRun the newest committed run (≤ the index's run) whose manifest lists the partition
     * @param headSeq the commit that manifest names
     * @param chain   the commit records from the first of the chain to the head, oldest first
     */
    public record PartitionChain(int partition, String headRun, long headSeq, List<PartitionCommit> chain) {

        public PartitionChain {
            chain = chain == null ? List.of() : List.copyOf(chain);
        }
    }
}

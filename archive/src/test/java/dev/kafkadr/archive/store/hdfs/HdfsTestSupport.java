package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.store.StoreOptions;
import java.util.HashMap;
import java.util.Map;

/** Store options for tests against a one-DataNode MiniDFSCluster. Stateless. */
final class HdfsTestSupport {

    private HdfsTestSupport() {
    }

    /**
     * Replication 1 (one DataNode), and a 20 ms instead of 400 ms first wait when closing a file: the client polls
     * the NameNode until the DataNode has reported the last block, and the default wait dominates small writes.
     */
    static StoreOptions options(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                StoreOptions.HDFS_CONF_PREFIX + "dfs.replication", "1",
                StoreOptions.HDFS_CONF_PREFIX + "dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "20"));
        m.putAll(extra);
        return StoreOptions.of(m);
    }

    static StoreOptions options() {
        return options(Map.of());
    }
}
